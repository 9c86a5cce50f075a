import MissionSystem
import MissionJSON

/// One validator's synthesis (`.factory/validation/<milestone>/<validator>/synthesis*.json`): what
/// a validation round concluded. Only the fields missionctl compares are read; any other key is
/// ignored, and a field of another shape is passed over (the file is the validator's own).
public struct ValidatorSynthesis: Sendable {
    /// A value and where it stands in the file.
    public struct Located<Value: Sendable>: Sendable {
        public var value: Value
        public var location: SourceLocation
    }

    /// Repo-relative path.
    public var path: String
    /// The milestone folder it sits in (`validation/<milestone>/…`).
    public var folder: String
    /// The round its file name gives (`synthesis.round2.json`, `synthesis-round2.json`), if any.
    public var fileRound: Int?
    public var status: Located<String>?
    public var round: Located<Int>?
    public var milestone: Located<String>?
    /// When the round concluded: the file's `timestamp` (or `completedAt`, `createdAt`), else the
    /// time of the commit that last changed the file; nil when neither is known.
    public var time: Double?

    /// The milestone folder, from the repository root (`.factory/validation/<milestone>`): rounds
    /// count per such folder.
    public var milestoneFolder: String { path.split(separator: "/").dropLast(2).joined(separator: "/") }
    /// The validator's folder name (`user-testing`, `scrutiny`).
    public var validator: String { path.split(separator: "/").dropLast().last.map(String.init) ?? "" }
    /// The milestone folder's name as `milestoneKey` reduces it.
    public var milestoneKey: String { Self.milestoneKey(folder) }
    /// `assertionsSummary`: its integer counts by key (`total`, `passed`, `failed`, `blocked`, …).
    public var summary: [String: Located<Int>] = [:]
    /// `passedAssertions`, `failedAssertions`, `blockedAssertions`: the ids listed (strings, or
    /// objects with an `id`), by kind (`passed`, `failed`, `blocked`).
    public var lists: [String: Located<[String]>] = [:]

    /// The kinds of assertion lists, in report order.
    public static let kinds = ["passed", "failed", "blocked"]

    /// Every synthesis under `.factory/validation/` and `.factory/missions/<id>/validation/`, with
    /// a finding for each that is not JSON.
    public static func load(root: String) -> ([ValidatorSynthesis], [Finding]) {
        var bases = [".factory/validation"]
        for id in ((try? FileManagerShim.contents(of: root + "/.factory/missions")) ?? []).sorted() {
            bases.append(".factory/missions/\(id)/validation")
        }
        var paths: [String] = []
        for base in bases where FileSystem.isDirectory(root + "/" + base) {
            for milestone in ((try? FileManagerShim.contents(of: root + "/" + base)) ?? []).sorted() {
                for validator in ((try? FileManagerShim.contents(of: root + "/\(base)/\(milestone)")) ?? []).sorted() {
                    let folder = "\(base)/\(milestone)/\(validator)"
                    for name in ((try? FileManagerShim.contents(of: root + "/" + folder)) ?? []).sorted()
                    where name.hasPrefix("synthesis") && name.hasSuffix(".json") {
                        paths.append(folder + "/" + name)
                    }
                }
            }
        }
        // readBytes refuses what is not a regular file; that becomes an invalid-synthesis finding.
        // Parsed on every core: a long-running mission keeps a hundred syntheses or more.
        let parsed = Parallel.map(paths) { path -> Result<ValidatorSynthesis?, LoadFailure> in
            let parts = path.split(separator: "/")
            do {
                let document = try JSONDocument(bytes: try FileSystem.readBytes(root + "/" + path))
                return .success(parse(document, path: path, folder: String(parts[parts.count - 3]), name: String(parts[parts.count - 1])))
            } catch let error as JSONDocument.SyntaxError {
                return .failure(LoadFailure(finding: InvalidSynthesisRule.descriptor.finding(
                    path, error.location, message: error.message,
                    hint: "Fix the JSON syntax at this position; missionctl cannot compare a synthesis it cannot read.")))
            } catch {
                return .failure(LoadFailure(finding: InvalidSynthesisRule.descriptor.finding(path, message: "\(error)", hint: "Make the file readable.")))
            }
        }
        var found: [ValidatorSynthesis] = []
        var findings: [Finding] = []
        for result in parsed {
            switch result {
            case .success(let s?): found.append(s)
            case .success(nil): break
            case .failure(let f): findings.append(f.finding)
            }
        }
        return (found, findings)
    }

    struct LoadFailure: Error, Sendable {
        var finding: Finding
    }

    static func parse(_ document: JSONDocument, path: String, folder: String, name: String) -> ValidatorSynthesis? {
        guard let object = JSONObject(document.root) else { return nil }
        var s = ValidatorSynthesis(path: path, folder: folder, fileRound: roundOfFileName(name))
        if let v = object["status"]?.string { s.status = Located(value: v, location: document.location("$.status")) }
        if let v = object.integer("round") { s.round = Located(value: v, location: document.location("$.round")) }
        if let v = object["milestone"]?.string { s.milestone = Located(value: v, location: document.location("$.milestone")) }
        if let written = object.string("timestamp", "completedAt", "createdAt", "date"), let t = Self.seconds(written) {
            s.time = t
        }
        if let summary = object.object("assertionsSummary") {
            for key in summary.keys {
                if let n = summary.integer(key) { s.summary[key] = Located(value: n, location: document.location("$.assertionsSummary.\(key)")) }
            }
        }
        for kind in kinds {
            guard let ids = object.ids(kind + "Assertions") else { continue }
            s.lists[kind] = Located(value: ids, location: document.location("$.\(kind)Assertions"))
        }
        return s
    }

    /// `synthesis.round2.json`, `synthesis-round2.json` → 2; `synthesis.json` → nil.
    static func roundOfFileName(_ name: String) -> Int? {
        guard let range = name.firstRange(of: "round") else { return nil }
        let digits = name[range.upperBound...].prefix(while: \.isNumber)
        return Int(digits)
    }

    /// An ISO 8601 time (`2026-03-01T10:00:00Z`, with or without fractions or an offset) in
    /// seconds since 1970; nil for anything else.
    static func seconds(_ text: String) -> Double? {
        for style in [Date.ISO8601FormatStyle(), Date.ISO8601FormatStyle(includingFractionalSeconds: true)] {
            if let d = try? style.parse(text) { return d.timeIntervalSince1970 }
        }
        return nil
    }

    /// A milestone name reduced to its lower-case alphanumeric runs (`Milestone 2: Sync & Offline`
    /// and the folder `Milestone 2 Sync & Offline` give `milestone-2-sync-offline`).
    public static func milestoneKey(_ name: String) -> String {
        name.lowercased().split { !($0.isLetter || $0.isNumber) }.joined(separator: "-")
    }

    /// Whether the status says the round passed (`pass`, `passed`, `pass_with_override`…).
    public var claimsPass: Bool {
        guard let s = status?.value.lowercased() else { return false }
        return s == "pass" || s == "passed" || s == "success"
    }
}
