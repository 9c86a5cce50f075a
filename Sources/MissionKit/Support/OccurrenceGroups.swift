/// Occurrences collected by cause, so that a rule reports one cause once, with its count and
/// first position, instead of once per occurrence (209 features naming one missing skill are one
/// problem).
struct OccurrenceGroups<Key: Hashable> {
    struct Group {
        var key: Key
        var first: SourceLocation
        /// What each occurrence is about (a feature id, an assertion id), in file order.
        var subjects: [String]

        /// "`a`", "`a` and `b`", "`a` and 208 others".
        func subjectList(_ noun: String) -> String {
            switch subjects.count {
            case 1: return "\(noun) `\(subjects[0])`"
            case 2: return "\(noun)s `\(subjects[0])` and `\(subjects[1])`"
            default: return "\(subjects.count) \(noun)s (`\(subjects[0])`, `\(subjects[1])`, …)"
            }
        }
    }

    private var order: [Key] = []
    private var byKey: [Key: Group] = [:]

    mutating func add(_ key: Key, at location: SourceLocation, subject: String) {
        if byKey[key] == nil {
            order.append(key)
            byKey[key] = Group(key: key, first: location, subjects: [])
        }
        byKey[key]?.subjects.append(subject)
    }

    var groups: [Group] { order.compactMap { byKey[$0] } }
}
