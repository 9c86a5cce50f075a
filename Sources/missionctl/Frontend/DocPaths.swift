import Foundation
import MissionKit

/// Turns DOC arguments (relative to the working directory) into repo-relative paths.
enum DocPaths {
    static func repoRelative(_ argument: String, repo: String) throws -> String {
        let absolute = FileSystem.absolute(argument)
        guard FileSystem.exists(absolute) else { throw MissionError("\(argument): no such file") }
        guard !FileSystem.isDirectory(absolute) else { throw MissionError("\(argument): is a folder; name a Markdown file") }
        let relative = FileSystem.relativePath(absolute, to: repo)
        return relative
    }

    /// The closed-set Markdown docs of the mission(s).
    static func closedSet(_ options: MissionOptions, repo: String) throws -> [String] {
        var docs: [String] = []
        for dir in try options.missionDirs(repo: repo) {
            let mission = Mission.load(repoRoot: repo, missionDir: dir)
            guard let set = mission.sourceDocs, !set.entries.isEmpty else {
                throw MissionError(
                    "\(mission.missionFile("AGENTS.md")): no closed set of source docs found; name the docs to work on, or add a `## Source docs (closed set)` list")
            }
            docs += MissionChecker.closedSet(mission).markdown.filter { !docs.contains($0) }
        }
        return docs
    }
}
