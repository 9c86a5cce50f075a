import Synchronization

/// One stored copy of each text findings repeat: a hint is usually the same for every finding
/// of its rule, and a message often is (`missing field(s): …` for each bad block). A doc of
/// 40,000 malformed blocks made 160,000 findings whose texts, each its own copy, were most of
/// the run's memory. Bounded: past `limit` distinct texts, new ones are kept as they come.
final class TextInterner: Sendable {
    static let shared = TextInterner()

    private let texts = Mutex<Set<String>>([])
    private let limit: Int

    init(limit: Int = 4096) {
        self.limit = limit
    }

    /// How many texts are stored (at most `limit`).
    var count: Int { texts.withLock { $0.count } }

    func intern(_ text: String) -> String {
        // Short texts live inside the String value itself: nothing to share.
        guard text.utf8.count > 15 else { return text }
        let limit = limit
        return texts.withLock { texts in
            if let stored = texts.firstIndex(of: text) { return texts[stored] }
            if texts.count < limit { texts.insert(text) }
            return text
        }
    }
}
