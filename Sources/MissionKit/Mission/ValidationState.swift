/// `validation-state.json`: each assertion's current status.
public struct ValidationState: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var id: String
        public var status: String?
        public var location: SourceLocation
    }

    public var entries: [Entry]

    public static let canonicalStatuses: Set<String> = ["pending", "passed", "failed", "blocked"]

    public static func decode(_ json: JSONDocument) -> (ValidationState?, [FeatureList.ShapeProblem]) {
        let expected = "expected {\"assertions\": {\"VAL-…\": {\"status\": \"pending|passed|failed|blocked\"}}}"
        guard let object = JSONObject(json.root) else {
            return (nil, [.init(message: "validation-state.json is not an object; \(expected)", location: json.location("$"))])
        }
        guard let assertions = object.object("assertions") else {
            let what = object["assertions"] == nil ? "has no \"assertions\" key" : "has \"assertions\" that is not an object"
            return (nil, [.init(message: "validation-state.json \(what); \(expected)", location: json.location("$.assertions"))])
        }
        var problems: [FeatureList.ShapeProblem] = []
        var entries: [Entry] = []
        // Each id's last value, as JSON readers keep it; positions from the values themselves.
        var last: [String: JSONElement] = [:]
        for (id, value) in assertions.element.members ?? [] { last[id] = value }
        entries.reserveCapacity(last.count)
        for (id, element) in last.sorted(by: { $0.key < $1.key }) {
            let path = "$.assertions.\(id)"
            guard let value = JSONObject(element) else {
                problems.append(.init(message: "\(path) must be an object with a \"status\"; \(expected)", location: json.location(of: element)))
                continue
            }
            if value.isNotString("status"), let status = value["status"] {
                problems.append(.init(message: "\(path).status must be a string", location: json.location(of: status)))
            }
            entries.append(Entry(id: id, status: value["status"]?.string, location: json.location(of: element)))
        }
        entries.sort { ($0.location.line, $0.id) < ($1.location.line, $1.id) }
        return (ValidationState(entries: entries), problems)
    }
}
