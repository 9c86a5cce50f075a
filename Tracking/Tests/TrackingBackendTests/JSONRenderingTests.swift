import Foundation
import MissionJSON
import Testing

/// The byte-level JSON writer every response goes through: integers written digit by digit and
/// strings copied whole when nothing needs escaping must read back exactly as given.
@Suite struct JSONRenderingTests {
    @Test func integersReadBackExactly() throws {
        var values: [Int] = [0, 1, -1, 9, 10, -10, 1_767_268_800, -1_767_268_800, Int.max, Int.min]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { values.append(Int.random(in: Int.min...Int.max, using: &rng) >> Int.random(in: 0..<63, using: &rng)) }
        for value in values {
            #expect(JSONValue.int(value).rendered() == String(value))
        }
        #expect(JSONValue.array([.int(-5), .int(0), .int(42)]).rendered() == "[-5,0,42]")
    }

    @Test func stringsReadBackExactly() throws {
        var samples = [
            "", "a", "plain ascii, long enough not to be a small string", "quote \" inside", "back\\slash", "line\nbreak",
            "tab\tand\rreturn", "\u{01}\u{1f}", "naïve café ✓ 😀", "日本語のテキスト", "\u{7f}",
        ]
        var rng = SystemRandomNumberGenerator()
        let alphabet = Array("ab\"\\\n\t\u{01}é😀 {}[]:,")
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0..<40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }))
        }
        for sample in samples {
            let rendered = JSONValue.array([.string(sample)]).utf8()
            let decoded = try JSONSerialization.jsonObject(with: Data(rendered)) as? [String]
            #expect(decoded == [sample], "\(sample.debugDescription) rendered as \(String(decoding: rendered, as: UTF8.self))")
        }
        #expect(JSONValue.object([("k\"", .string("v\n"))]).rendered() == #"{"k\"":"v\n"}"#)
    }
}
