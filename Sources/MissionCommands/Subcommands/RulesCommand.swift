import ArgumentParser
import MissionKit

/// `missionctl rules`: what `check` verifies.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every rule id (check and handoff verify), with its severity and summary.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "text (a table) or json (an array of {id, severity, summary, command}).")
    var format: Format = .text

    func run() throws {
        if format == .json {
            let rules = RuleRegistry.all.map { rule in
                let d = rule.descriptor
                return JSONValue.object([
                    ("id", .string(d.id)), ("severity", .string(d.severity.rawValue)), ("summary", .string(d.summary)),
                    ("command", .string(rule.command.rawValue)),
                ])
            }
            Console.line(JSONValue.array(rules).rendered(pretty: true))
            return
        }
        let width = RuleRegistry.allDescriptors.map(\.id.count).max() ?? 0
        for d in RuleRegistry.allDescriptors {
            Console.line("\(TextTable.pad(d.id, width))  \(TextTable.pad(d.severity.rawValue, 7))  \(d.summary)")
        }
    }
}
