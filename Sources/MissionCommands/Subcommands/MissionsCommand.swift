import ArgumentParser
import MissionSystem
import MissionKit

/// `missionctl missions`: the missions of this repository, wherever they are kept.
struct MissionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "missions",
        abstract: "List the missions of this repository: in it, and in ~/.factory/missions/ (by working_directory.txt).",
        discussion: """
            One line per mission: its id (the ~/.factory/missions/<id> folder name, else state.json's missionId, else \
            the folder's name), the title (mission.md's first heading), the state (state.json), features completed/total \
            (features.json, else state.json), the last update (state.json's updatedAt, else the newest mission file) and \
            where it lives. Any id shown works as `--mission <id>` in every command.

            --all lists every mission of the home folder, whatever repository it works in.

            Examples:
              missionctl missions
              missionctl missions --all --format json
              missionctl check --mission 7f3c2a1e-…
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var missionOptions: MissionOptions

    @Flag(help: "Every mission in ~/.factory/missions/, whatever repository it works in.")
    var all = false

    @Option(help: "text (a table) or json (one object per mission).")
    var format: Format = .text

    func run() throws {
        let summaries: [MissionSummary]
        if all {
            let home = HomeMissions(home: ProcessInfo.processInfo.environment["HOME"])
            summaries = home.entries.map { entry in
                let repository = RepositoryFiles(root: entry.dir)
                return MissionSummary(Mission.load(repoRoot: entry.dir, missionDir: entry.dir, repository: repository, shown: entry.shown), home: entry)
            }
        } else {
            let repo = try missionOptions.repositoryRoot()
            let frontend = try missionOptions.frontend(repo: repo)
            summaries = frontend.missions.map { MissionSummary($0, home: frontend.discovery.home[$0.missionDir]) }
            for refusal in frontend.discovery.refused {
                Console.raw("missionctl: \(refusal.path) leads outside the repository (to \(refusal.target)); not listed\n")
            }
        }
        switch format {
        case .json:
            Console.line(JSONValue.array(summaries.map(\.json)).rendered(pretty: true))
        case .text:
            Console.out(table(summaries))
        }
    }

    func table(_ rows: [MissionSummary]) -> String {
        guard !rows.isEmpty else { return all ? "no missions in ~/.factory/missions/\n" : "no mission found.\n" + MissionLocator.lookedIn + "\n" }
        let header = ["ID", "TITLE", "STATE", "FEATURES", "UPDATED", all ? "REPOSITORY" : "WHERE"]
        let body = rows.map { r in
            [
                clip(r.id, 38), clip(r.title ?? "-", 40), clip(r.state ?? "-", 12), r.progress, clip(r.updated ?? "-", 25),
                DisplayText.sanitize(all ? (r.workingDirectory ?? "-") : r.location),
            ]
        }
        return TextTable.render([header] + body)
    }

    func clip(_ s: String, _ n: Int) -> String { TextTable.clip(s, n) }
}
