/// The assertion ids a mission's regression suite has scenarios for, as the suite lists them
/// (`missionctl-tracking regress --list --format json`: an array of `{"id": …, "title": …}`
/// objects, or of id strings).
public struct SuiteIDs: Sendable, Hashable {
    public var ids: Set<String>

    public init(_ ids: Set<String>) {
        self.ids = ids
    }

    /// The contract areas the suite covers (`TIMER` of `VAL-TIMER-001`): within them, every
    /// contract id is expected to have a scenario; other areas are not the suite's business.
    public var areas: Set<String> { Set(ids.map(ValidationContract.area(of:))) }

    /// Parses a suite listing; `source` names it in errors (a file, or the command that printed it).
    public static func parse(_ bytes: [UInt8], source: String) throws(MissionError) -> SuiteIDs {
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes)
        } catch {
            throw MissionError("\(source):\(error.location.line):\(error.location.column): not a suite listing: \(error.message). Expected the JSON array that `regress --list --format json` prints.")
        }
        guard let items = document.root.elements else {
            throw MissionError("\(source): not a suite listing: expected a JSON array of {\"id\": …} objects or id strings, as `regress --list --format json` prints.")
        }
        var ids: Set<String> = []
        for (index, item) in items.enumerated() {
            let id = item.string ?? item["id"]?.string
            guard let id, ValidationContract.isAssertionID(id) else {
                let at = document.location("$[\(index)]")
                throw MissionError("\(source):\(at.line):\(at.column): item \(index + 1) has no assertion id (`VAL-AREA-NNN`) as a string or an `id` key.")
            }
            ids.insert(id)
        }
        return SuiteIDs(ids)
    }
}
