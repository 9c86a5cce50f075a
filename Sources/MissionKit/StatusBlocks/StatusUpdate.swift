/// The fields `status set` changes; nil leaves a field as it is.
public struct StatusUpdate: Sendable, Hashable {
    public var agent: String?
    public var status: String?
    public var differences: String?
    public var todo: String?
    public var fullyImplemented: String?

    public init(
        agent: String? = nil, status: String? = nil, differences: String? = nil, todo: String? = nil,
        fullyImplemented: String? = nil
    ) {
        self.agent = agent
        self.status = status
        self.differences = differences
        self.todo = todo
        self.fullyImplemented = fullyImplemented
    }

    /// `--complete`: `Status: complete`, `Todo: none`, `Fully implemented: yes`.
    public mutating func markComplete() {
        status = WorkStatus.complete.rawValue
        todo = "none"
        fullyImplemented = "yes"
    }

    public subscript(label: StatusFieldLabel) -> String? {
        get {
            switch label {
            case .agent: agent
            case .status: status
            case .differences: differences
            case .todo: todo
            case .fullyImplemented: fullyImplemented
            }
        }
        set {
            switch label {
            case .agent: agent = newValue
            case .status: status = newValue
            case .differences: differences = newValue
            case .todo: todo = newValue
            case .fullyImplemented: fullyImplemented = newValue
            }
        }
    }

    public var isEmpty: Bool { StatusFieldLabel.allCases.allSatisfy { self[$0] == nil } }

    /// Trims values and refuses line breaks and every other control character: block values are
    /// single lines of text ("\r\n" is one Character in Swift, so scalars are checked).
    public func validated() throws(StatusEditError) -> StatusUpdate {
        var copy = self
        for label in StatusFieldLabel.allCases {
            guard let value = self[label] else { continue }
            if value.unicodeScalars.contains(where: { ["\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"].contains($0) }) {
                throw .multilineValue(label)
            }
            if value.unicodeScalars.contains(where: { $0 != "\t" && DisplayText.isUnsafe($0) }) {
                throw .controlCharacter(label)
            }
            let trimmed = value.trimming(" \t")
            if trimmed.isEmpty { throw .emptyValue(label) }
            copy[label] = trimmed
        }
        return copy
    }

    /// Values for a new block: the given ones, the rest defaulted so that the block is valid.
    func filledForNewBlock(defaultAgent: String) -> StatusUpdate {
        var v = self
        let complete = WorkStatus.complete.rawValue
        if v.status == nil { v.status = v.fullyImplemented == "yes" ? complete : WorkStatus.notStarted.rawValue }
        if v.agent == nil { v.agent = defaultAgent }
        if v.todo == nil { v.todo = v.status == complete ? "none" : "not assessed yet" }
        if v.differences == nil { v.differences = v.status == complete ? "none" : "not assessed yet" }
        if v.fullyImplemented == nil { v.fullyImplemented = v.status == complete && v.todo == "none" ? "yes" : "no" }
        return v
    }
}
