import ArgumentParser
import MissionKit

/// `missionctl rules`: what `check` verifies.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List the rules `check` applies, with their ids and severities.")

    func run() throws {
        let width = RuleRegistry.descriptors.map(\.id.count).max() ?? 0
        for d in RuleRegistry.descriptors {
            print("\(d.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(d.summary)")
        }
    }
}
