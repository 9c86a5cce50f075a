import Synchronization

/// One stored copy of each text findings repeat: a hint is usually the same for every finding
/// of its rule, and a message often is (`missing field(s): …` for each bad block). A doc of
/// 40,000 malformed blocks made 160,000 findings whose texts, each its own copy, were most of
/// the run's memory.
///
/// Bounded, and kept by recurrence: a text goes into the slot its hash picks, replacing what was
/// there. A store that kept the first `slots` texts it met filled up with texts seen once
/// (`another block at line N`, one per block) before the texts that repeat arrived; here those
/// take their slots back as they recur.
final class TextInterner: Sendable {
    static let shared = TextInterner()

    private let texts: Mutex<[String?]>

    init(slots: Int = 4096) {
        texts = Mutex(Array(repeating: nil, count: max(1, slots)))
    }

    /// How many texts are stored (at most the number of slots).
    var count: Int { texts.withLock { $0.count { $0 != nil } } }

    func intern(_ text: String) -> String {
        // Short texts live inside the String value itself: nothing to share.
        guard text.utf8.count > 15 else { return text }
        return texts.withLock { texts in
            let slot = Int(UInt(bitPattern: text.hashValue) % UInt(texts.count))
            if let stored = texts[slot], stored == text { return stored }
            let compact = Self.compact(text)
            texts[slot] = compact
            return compact
        }
    }

    /// `text` in storage of its own length: an interpolated message keeps the capacity its
    /// interpolation reserved, often three times its length (176 bytes for a 44-byte message).
    static func compact(_ text: String) -> String {
        var text = text
        return text.withUTF8 { String(decoding: $0, as: UTF8.self) }
    }
}
