import Testing

@testable import MissionKit

/// Documents written piece by piece read byte for byte as the same value rendered whole.
@Suite struct JSONStreamWriterTests {
    typealias Generator = StatusBlockPropertyTests.SplitMix64

    static func randomValue(_ rng: inout Generator, depth: Int = 0) -> JSONValue {
        let leaves: [JSONValue] = [.string("a \"q\" \\ \n é"), .int(-42), .double(1.5), .bool(true), .null, .string("")]
        guard depth < 4, Int.random(in: 0..<3, using: &rng) > 0 else { return leaves.randomElement(using: &rng)! }
        let count = Int.random(in: 0...4, using: &rng)
        if Bool.random(using: &rng) {
            return .array((0..<count).map { _ in randomValue(&rng, depth: depth + 1) })
        }
        return .object((0..<count).map { i in ("k\(i)", randomValue(&rng, depth: depth + 1)) })
    }

    /// Streams `value`: containers are opened and closed, and (by a coin) each member is either
    /// streamed in turn or handed over whole.
    static func stream(_ value: JSONValue, key: String? = nil, into writer: inout JSONStreamWriter, _ rng: inout Generator) {
        switch value {
        case .array(let items) where Bool.random(using: &rng):
            writer.beginArray(key: key)
            for item in items { stream(item, into: &writer, &rng) }
            writer.end()
        case .object(let pairs) where Bool.random(using: &rng):
            writer.beginObject(key: key)
            for (k, v) in pairs { stream(v, key: k, into: &writer, &rng) }
            writer.end()
        default:
            writer.value(value, key: key)
        }
    }

    @Test(arguments: [true, false]) func streamedEqualsRenderedWhole(pretty: Bool) {
        var rng = Generator(state: 7)
        for _ in 0..<300 {
            let value = Self.randomValue(&rng)
            var bytes: [UInt8] = []
            var chunks = 0
            var writer = JSONStreamWriter(pretty: pretty, chunkSize: Int.random(in: 1...64, using: &rng)) {
                bytes += $0
                chunks += 1
            }
            Self.stream(value, into: &writer, &rng)
            writer.finish()
            #expect(String(decoding: bytes, as: UTF8.self) == value.rendered(pretty: pretty))
        }
    }

    /// Every format written through `ReportFormat.write` in small chunks reads as the report
    /// built whole: findings sorted, the JSON value's members, details, notes.
    @Test func streamedJSONReportEqualsItsValue() {
        var report = DiagnosticsReport(
            findings: (0..<50).map { i in
                Finding(rule: "r\(i % 3)", severity: i % 4 == 0 ? .warning : .error, file: "docs/\(i % 5).md", line: 50 - i, message: "m \(i)", hint: "h")
            }, notes: ["a note"], docs: 3)
        report.details = [
            ReportDetail(key: "matched", value: .string("a"), lines: []), ReportDetail(key: "other", value: .int(1), lines: []),
            ReportDetail(key: "matched", value: .string("b"), lines: []),
        ]
        let chunked = TextOutput.collect { out in
            let small = TextOutput(chunkSize: 7) { out += $0 }
            JSONReporter.write(report, to: small)
            try? small.finish()
        }
        #expect(chunked == JSONReporter.value(report).rendered(pretty: true) + "\n")
        #expect(chunked.contains("\"matched\": [\n    \"a\",\n    \"b\"\n  ]"))
    }
}
