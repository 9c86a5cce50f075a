import Testing

@testable import MissionKit

/// Findings share one copy of each text they repeat, within a bound.
@Suite struct TextInternerTests {
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func repeatedTextsShareOneCopy() {
        let interner = TextInterner(limit: 2)
        let hint = "A block has six lines: \(Int.random(in: 0...9)) and more text"
        let first = interner.intern(hint)
        let again = interner.intern(String(hint.utf8.map { Character(UnicodeScalar($0)) }))  // equal, built apart
        #expect(again == hint)
        #expect(Self.storage(first) == Self.storage(again))
        #expect(interner.count == 1)
    }

    @Test func theStoreIsBounded() {
        let interner = TextInterner(limit: 2)
        for i in 0..<10 { #expect(interner.intern("a text that is long enough \(i)") == "a text that is long enough \(i)") }
        #expect(interner.count == 2)
        // Short texts are never stored: they live inside the String value.
        #expect(interner.intern("short") == "short" && interner.count == 2)
    }

    @Test func findingsUseTheSharedCopy() {
        let message = "missing field(s): Current code differences \(Int.random(in: 0...9))"
        let a = Finding(rule: "r", severity: .error, file: "f", message: message, hint: "h")
        let b = Finding(rule: "r", severity: .error, file: "f", message: String(message.utf8.map { Character(UnicodeScalar($0)) }), hint: "h")
        #expect(Self.storage(a.message) == Self.storage(b.message))
    }
}
