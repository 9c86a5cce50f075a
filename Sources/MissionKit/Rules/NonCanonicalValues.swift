/// One finding per distinct non-canonical value (`done`, `pass`, `in_progress`), with the items
/// that carry it and the canonical value it most likely means: a synonym, else the nearest spelling.
struct NonCanonicalValues {
    var canonical: [String]
    var synonyms: [String: String]
    private var groups = OccurrenceGroups<String>()

    init(canonical: [String], synonyms: [String: String]) {
        self.canonical = canonical
        self.synonyms = synonyms
    }

    /// Records `value` of `subject` at `location` when it is not canonical.
    mutating func add(_ value: String?, at location: SourceLocation, subject: String) {
        guard let value, !canonical.contains(value) else { return }
        groups.add(value, at: location, subject: subject)
    }

    /// `label` names the field (`status`, `feature status`), `noun` the items (`assertion`).
    func findings(_ descriptor: RuleDescriptor, file: String, label: String, noun: String, hint: String) -> [Finding] {
        groups.groups.map { group in
            let meant = synonyms[group.key.lowercased()] ?? NameSuggestion.closest(to: group.key, in: canonical)
            return descriptor.finding(
                file, group.first,
                message: "\(label) `\(group.key)` is not a canonical value, used by \(group.subjectList(noun))"
                    + (meant.map { "; did you mean `\($0)`?" } ?? ""),
                hint: hint)
        }
    }
}
