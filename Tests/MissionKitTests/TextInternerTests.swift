import Testing

@testable import MissionKit

/// Findings share one copy of each text they repeat, within a bound.
@Suite struct TextInternerTests {
    static func storage(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test func repeatedTextsShareOneCopy() {
        let interner = TextInterner(slots: 2)
        let hint = "A block has six lines: \(Int.random(in: 0...9)) and more text"
        let first = interner.intern(hint)
        let again = interner.intern(String(hint.utf8.map { Character(UnicodeScalar($0)) }))  // equal, built apart
        #expect(again == hint)
        #expect(Self.storage(first) == Self.storage(again))
        #expect(interner.count == 1)
    }

    @Test func theStoreIsBounded() {
        let interner = TextInterner(slots: 2)
        for i in 0..<10 { #expect(interner.intern("a text that is long enough \(i)") == "a text that is long enough \(i)") }
        #expect(interner.count <= 2)
        // Short texts are never stored: they live inside the String value.
        let stored = interner.count
        #expect(interner.intern("short") == "short" && interner.count == stored)
    }

    /// Texts met once must not keep out a text that repeats after them: a doc's 40,000
    /// `another block at line N` messages came before the messages every block repeats.
    @Test func aTextThatRecursIsSharedAfterManyTextsSeenOnce() {
        let interner = TextInterner(slots: 64)
        for i in 0..<1000 { _ = interner.intern("another block at line \(i); the values shown are the last block's") }
        let message = "missing field(s): Current code differences, Fully implemented"
        let copies = (0..<20).map { _ in interner.intern(String(message.utf8.map { Character(UnicodeScalar($0)) })) }
        #expect(Set(copies.dropFirst().map(Self.storage)).count == 1)
        #expect(interner.count <= 64)
    }

    @Test func findingsUseTheSharedCopy() {
        let message = "missing field(s): Current code differences \(Int.random(in: 0...9))"
        let a = Finding(rule: "r", severity: .error, file: "f", message: message, hint: "h")
        let b = Finding(rule: "r", severity: .error, file: "f", message: String(message.utf8.map { Character(UnicodeScalar($0)) }), hint: "h")
        #expect(Self.storage(a.message) == Self.storage(b.message))
    }
}
