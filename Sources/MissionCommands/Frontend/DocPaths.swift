import MissionSystem
import MissionKit

/// Turns DOC arguments into repo-relative paths: relative to the working directory, or else
/// to the repository root (so `status set docs/x.md` works from any subfolder, as hints print it).
enum DocPaths {
    /// The absolute path `argument` names: with `--repo`, from the repository; else from the
    /// working directory, then from `repo`.
    static func locate(_ argument: String, repo: String, repoGiven: Bool) throws -> String {
        if repoGiven {
            let path = FileSystem.absolute(argument.hasPrefix("/") ? argument : repo + "/" + argument)
            guard FileSystem.exists(path) else { throw MissionError("\(argument): no such file (tried \(path), in --repo \(repo))") }
            return path
        }
        let here = FileSystem.absolute(argument)
        if FileSystem.exists(here) { return here }
        if !argument.hasPrefix("/"), FileSystem.exists(repo + "/" + argument) { return repo + "/" + argument }
        throw MissionError("\(argument): no such file (tried \(here), and \(repo)/\(argument) at the repository root)")
    }

    static func repoRelative(_ argument: String, repo: String, repoGiven: Bool) throws -> String {
        let absolute = try locate(argument, repo: repo, repoGiven: repoGiven)
        guard !FileSystem.isDirectory(absolute) else { throw MissionError("\(argument): is a folder; name a Markdown file") }
        guard FileSystem.isInside(absolute, root: repo) else {
            throw MissionError("\(argument): resolves outside the repository \(repo); missionctl reads and writes docs inside it only")
        }
        let relative = FileSystem.relativePath(absolute, to: repo)
        return relative
    }

    /// The closed-set Markdown docs of the mission(s). Missions without a closed set are passed
    /// over; it is an error only when none of them has one.
    static func closedSet(_ options: MissionOptions, repo: String) throws -> [String] {
        var docs: [String] = []
        var without: [String] = []
        let frontend = try options.frontend(repo: repo)
        _ = try frontend.discovery.required()
        let files = FileSystem.walk(repo)
        for mission in frontend.missions {
            guard let set = mission.sourceDocs, !set.entries.isEmpty else {
                without.append(mission.missionFile("AGENTS.md"))
                continue
            }
            docs += MissionChecker.closedSet(mission, files: files).markdown.filter { !docs.contains($0) }
        }
        if docs.isEmpty && !without.isEmpty {
            throw MissionError(
                "\(without.joined(separator: ", ")): no closed set of source docs found; name the docs to work on, or add a `## Source docs (closed set)` list")
        }
        return docs
    }
}
