/// A block whose lines are not the six canonical `Label: value` lines in order.
public struct MalformedStatusBlockRule: BlockContentRule {
    public static let descriptor = RuleDescriptor(
        id: "malformed-status-block", severity: .error,
        summary: "A block has a field missing, unknown, repeated, out of order, empty or misspelled.")
    public init() {}

    static let layout = "> Mission status / Agent / Status / Current code differences / Todo / Fully implemented"

    /// The problems of one block; also used by `status set` before it writes.
    public static func findings(for block: StatusBlock, file: String, into out: inout CappedFindings) {
        // A finding per line is possible: past the cap, findings are counted, not made.
        func add(_ location: SourceLocation, _ message: @autoclosure () -> String, _ hint: @autoclosure () -> String) {
            out.add(descriptor, file: file, at: location, message: message(), hint: hint())
        }
        if !block.headerIsCanonical {
            add(block.location, "the header is not spelled `Mission status`", "Write the header exactly `> Mission status` (`missionctl check --fix` does it).")
        }
        // Said before the lines' findings, which the cap may stop: it is about the whole block.
        let present = Set(block.fields.lazy.filter(\.hasColon).compactMap(\.label))
        let missing = StatusFieldLabel.allCases.filter { !present.contains($0) }
        if !missing.isEmpty {
            add(block.location, "missing field(s): \(missing.map(\.rawValue).joined(separator: ", "))",
                "A block has six lines: \(layout). `missionctl status set` fills missing fields.")
        }
        var seen: [StatusFieldLabel: Int] = [:]
        var lastOrder = -1
        for field in block.fields {
            guard field.hasColon else {
                add(field.location, "`\(field.rawLabel.prefix(60))` is not a `Label: value` line; block values are single lines",
                    "Join the value onto its field's line, or move this text out of the block.")
                continue
            }
            guard let label = field.label else {
                if let meant = field.resolvedLabel {
                    add(field.location, "unknown field `\(field.rawLabel)` (did you mean `\(meant.rawValue)`?)",
                        "Rename it to `\(meant.rawValue)` (`missionctl check --fix` does it).")
                } else {
                    // The list of fields goes in the hint, which every such finding shares.
                    add(field.location, "unknown field `\(field.rawLabel)`",
                        "The fields are \(StatusFieldLabel.allCases.map(\.rawValue).joined(separator: ", ")): rename the line to one of them or remove it.")
                }
                continue
            }
            if let first = seen[label] {
                add(field.location, "field `\(label.rawValue)` repeated (first at line \(first))", "Keep one `\(label.rawValue):` line in the block.")
                continue
            }
            seen[label] = field.line
            let order = StatusFieldLabel.allCases.firstIndex(of: label) ?? 0
            if order < lastOrder {
                add(field.location, "field `\(label.rawValue)` is out of order; the order is \(layout)", "Reorder the lines (`missionctl check --fix` does it).")
            }
            lastOrder = max(lastOrder, order)
            if field.value.isEmpty {
                add(field.location, "field `\(label.rawValue)` is empty", emptyHint(label))
            } else if !field.isCanonicalSpelling {
                add(field.location, "field label written `\(field.rawLabel)`; the canonical form is `\(label.rawValue): value`",
                    "Spell it `\(label.rawValue): ` (`missionctl check --fix` does it).")
            }
        }
    }

    static func emptyHint(_ label: StatusFieldLabel) -> String {
        switch label {
        case .agent: "Name the worker or feature that last updated this doc."
        case .status: "Use one of not-started, in-progress, partial, complete."
        case .differences: "Describe how the code differs from this doc, or write `none`."
        case .todo: "List the remaining work, or write `none`."
        case .fullyImplemented: "Write `yes` or `no`."
        }
    }
}

extension MalformedStatusBlockRule {
    public static var examples: [RuleExample] {
        [
            .doc("# A\n\n> Mission status\n> Agent: timer\n> Status: complete\n> Todo: none\n> Fully implemented: yes\n", reports: true),
            .doc(RuleExample.block(), reports: false),
        ]
    }
}
