/// A mission folder reached through the repository (a symlinked `.factory/missions/<id>`, a
/// `.missionctl.yml` `missions` entry such as `../outside`) that resolves outside it. Nothing
/// there is read: a repository is untrusted input, and its links must not pull other files into
/// a report. A link to a home mission of this very repository is read, once, without a finding.
public struct MissionOutsideRepositoryRule: RuleDefinition {
    public static let descriptor = RuleDescriptor(
        id: "mission-outside-repository", severity: .error,
        summary: "A mission folder reached through the repository resolves outside it (a symlink, `..`); it is not read.")

    static let hint =
        "Keep the mission inside the repository, or leave it in ~/.factory/missions/<id>/ with a working_directory.txt that names this repository; name any other folder with --mission DIR."
}

extension MissionOutsideRepositoryRule {
    public static var examples: [RuleExample] {
        [
            .reports([".factory/missions/linked/mission.md": RuleExample.symlink("/tmp")]),
            .passes([".factory/missions/kept/mission.md": "# Mission\n"]),
        ]
    }
}
