import ArgumentParser
import MissionKit

/// `missionctl rules`: what `check` verifies.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule id (check and handoff verify), with its severity and summary.")

    func run() throws {
        let width = RuleRegistry.allDescriptors.map(\.id.count).max() ?? 0
        for d in RuleRegistry.allDescriptors {
            Console.line("\(d.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(d.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(d.summary)")
        }
    }
}
