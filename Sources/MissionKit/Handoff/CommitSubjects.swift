import Synchronization

/// The repository's commit subjects, read with one `git log` the first time a handoff needs
/// them and shared by every handoff of the run.
public final class CommitSubjects: Sendable {
    private let cache = Mutex<[(id: String, subject: String)]?>(nil)

    public init() {}

    /// The newest commit whose subject starts with `<feature>:` or `<feature> `.
    public func newest(startingWith feature: String, in repo: GitRepository) throws(MissionError) -> String? {
        let all: [(id: String, subject: String)]
        if let cached = cache.withLock({ $0 }) {
            all = cached
        } else {
            all = try repo.subjects()
            cache.withLock { $0 = all }
        }
        return all.first { entry in
            entry.subject.hasPrefix(feature + ":") || entry.subject.hasPrefix(feature + " ")
        }?.id
    }
}
