/// One line inside a Mission status block.
public struct StatusField: Sendable, Hashable {
    /// The recognised label, or nil for a line that is not a known field.
    public var label: StatusFieldLabel?
    /// The label as written (without emphasis markers); the whole line when it has no colon.
    public var rawLabel: String
    /// The value after the colon, trimmed; empty when absent.
    public var value: String
    /// Whether the line has a `:` at all.
    public var hasColon: Bool
    /// Whether label and separator are spelled exactly `Label: value`.
    public var isCanonicalSpelling: Bool
    public var line: Int
    /// Column of the line's content (after the `> ` marker).
    public var column: Int

    public var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// The value with surrounding code/emphasis markers and a final period removed, for comparisons.
    public var normalizedValue: String {
        var v = value.trimming(" \t")
        v = v.trimming("`*_\"'")
        if v.hasSuffix(".") { v.removeLast() }
        return v.trimming(" \t`")
    }

    /// Parses the stripped content of one block line.
    ///
    /// Emphasis around the label (`**Agent:** x`, `**Agent**: x`) is accepted and marked
    /// non-canonical; emphasis inside the value is the value's own and is kept.
    static func parse(_ content: Substring, line: Int, column: Int) -> StatusField {
        var body = content
        var opening = 0
        while let f = body.first, f == "*" || f == "_" {
            body.removeFirst()
            opening += 1
        }
        guard let colon = body.firstIndex(of: ":") else {
            return StatusField(
                label: nil, rawLabel: String(content), value: "", hasColon: false, isCanonicalSpelling: false,
                line: line, column: column)
        }
        var labelPart = body[..<colon]
        var closing = 0
        while let l = labelPart.last, l == "*" || l == "_" {
            labelPart.removeLast()
            closing += 1
        }
        var valuePart = body[body.index(after: colon)...]
        // `**Agent:** value`: the closing emphasis follows the colon.
        while closing < opening, let f = valuePart.first, f == "*" || f == "_" {
            valuePart.removeFirst()
            closing += 1
        }
        let decorated = opening > 0 || closing > 0
        let rawLabel = String(labelPart)
        let trimmedLabel = rawLabel.trimming(" \t")
        let value = valuePart.trimming(" \t")
        let label = StatusFieldLabel(lenient: trimmedLabel)
        let separatorOK = value.isEmpty || (valuePart.first == " " && !valuePart.dropFirst().hasPrefix(" "))
        let canonical = !decorated && label != nil && rawLabel == label?.rawValue && separatorOK
        return StatusField(
            label: label, rawLabel: trimmedLabel, value: value, hasColon: true, isCanonicalSpelling: canonical,
            line: line, column: column)
    }
}

extension StatusField {
    /// `parse` on a line's UTF-8 bytes. An ASCII line (nearly every one) is read byte by byte, with
    /// strings made only of its label and value; any other line is read as `parse` reads it, so
    /// the two never differ (a character there may be an ASCII byte with a combining mark).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> StatusField {
        guard SourceText.firstNonASCII(bytes, from: 0) == nil else {
            return parse(Substring(String(decoding: bytes, as: UTF8.self)), line: line, column: column)
        }
        func isEmphasis(_ b: UInt8) -> Bool { b == UInt8(ascii: "*") || b == UInt8(ascii: "_") }
        func isBlank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        let n = bytes.count
        var bodyStart = 0
        while bodyStart < n, isEmphasis(bytes[bodyStart]) { bodyStart += 1 }
        let opening = bodyStart
        var colon = bodyStart
        while colon < n, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
        guard colon < n else {
            return StatusField(
                label: nil, rawLabel: string(0..<n), value: "", hasColon: false, isCanonicalSpelling: false, line: line, column: column)
        }
        var labelEnd = colon
        while labelEnd > bodyStart, isEmphasis(bytes[labelEnd - 1]) { labelEnd -= 1 }
        var closing = colon - labelEnd
        var valueStart = colon + 1
        // `**Agent:** value`: the closing emphasis follows the colon.
        while closing < opening, valueStart < n, isEmphasis(bytes[valueStart]) {
            valueStart += 1
            closing += 1
        }
        let decorated = opening > 0 || closing > 0
        var (labelFrom, labelTo) = (bodyStart, labelEnd)
        while labelFrom < labelTo, isBlank(bytes[labelFrom]) { labelFrom += 1 }
        while labelTo > labelFrom, isBlank(bytes[labelTo - 1]) { labelTo -= 1 }
        var (valueFrom, valueTo) = (valueStart, n)
        while valueFrom < valueTo, isBlank(bytes[valueFrom]) { valueFrom += 1 }
        while valueTo > valueFrom, isBlank(bytes[valueTo - 1]) { valueTo -= 1 }
        let label = StatusFieldLabel(lenientUTF8: UnsafeBufferPointer(rebasing: bytes[labelFrom..<labelTo]))
        let separatorOK =
            valueFrom == valueTo || (bytes[valueStart] == 0x20 && !(valueStart + 1 < n && bytes[valueStart + 1] == 0x20))
        let canonical =
            !decorated && separatorOK
            && label.map { bytes[bodyStart..<labelEnd].elementsEqual($0.rawValue.utf8) } == true
        return StatusField(
            label: label, rawLabel: string(labelFrom..<labelTo), value: string(valueFrom..<valueTo), hasColon: true,
            isCanonicalSpelling: canonical, line: line, column: column)
    }

    /// The label, or the field a misspelt label surely means (`Stauts` → `Status`).
    public var resolvedLabel: StatusFieldLabel? {
        if let label { return label }
        return Self.labels.closest(to: rawLabel).flatMap(StatusFieldLabel.init(rawValue:))
    }

    // Indexed once: a block of 100,000 unknown lines built an index per line.
    static let labels = NameIndex(StatusFieldLabel.allCases.map(\.rawValue))
    static let statuses = NameIndex(WorkStatus.allCases.map(\.rawValue))
    static let yesNo = NameIndex(["yes", "no"])

    /// The allowed value this one means, when it is not allowed as written: case and spacing
    /// (`In Progress` → `in-progress`, `Yes` → `yes`) or a near spelling (`complet` → `complete`).
    /// Nil when the value is fine or means nothing allowed.
    public func correctedValue(for label: StatusFieldLabel) -> String? {
        let allowed: NameIndex
        switch label {
        case .status: allowed = Self.statuses
        case .fullyImplemented: allowed = Self.yesNo
        default: return nil
        }
        let v = normalizedValue
        guard !v.isEmpty, !allowed.names.contains(v) else { return nil }
        return allowed.closest(to: v)
    }
}

