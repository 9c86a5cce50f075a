import Foundation
import MissionKit

/// Merges suite results into a validation-state.json, keeping every other key and entry.
public enum ValidationStateWriter {
    /// Sets `assertions[id].status` to passed/failed for each non-skipped result; the file is
    /// created when missing and replaced atomically.
    public static func merge(_ results: [RegressionSuite.Result], into path: String) throws {
        let outcome: [String: String] = Dictionary(
            uniqueKeysWithValues: results.filter { $0.outcome != .skipped }.map { ($0.id, $0.outcome.rawValue) })
        if !FileSystem.exists(path) {
            FileManager.default.createFile(atPath: path, contents: Data("{\"assertions\": {}}\n".utf8))
        }
        try AtomicFile.update(path) { text -> (Void, [UInt8]?) in
            var root: [String: Any] = [:]
            if !text.bytes.isEmpty {
                guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.bytes)) as? [String: Any] else {
                    throw MissionError("\(path): not a JSON object; refusing to overwrite it (expected {\"assertions\": {…}})")
                }
                root = parsed
            }
            var assertions: [String: Any] = [:]
            if let existing = root["assertions"] {
                guard let object = existing as? [String: Any] else {
                    throw MissionError("\(path): `assertions` is not an object; refusing to overwrite it")
                }
                assertions = object
            }
            for (id, status) in outcome {
                var entry = assertions[id] as? [String: Any] ?? [:]
                entry["status"] = status
                assertions[id] = entry
            }
            root["assertions"] = assertions
            let data = try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted, .sortedKeys])
            return ((), [UInt8](data) + [0x0A])
        }
    }
}
