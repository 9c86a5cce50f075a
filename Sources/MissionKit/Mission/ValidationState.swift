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
        for id in assertions.keys.sorted() {
            let path = "$.assertions.\(id)"
            guard let value = assertions.object(id) else {
                problems.append(.init(message: "\(path) must be an object with a \"status\"; \(expected)", location: json.location(path)))
                continue
            }
            if value.isNotString("status") {
                problems.append(.init(message: "\(path).status must be a string", location: json.location(path + ".status")))
            }
            entries.append(Entry(id: id, status: value["status"] as? String, location: json.location(path)))
        }
        entries.sort { ($0.location.line, $0.id) < ($1.location.line, $1.id) }
        return (ValidationState(entries: entries), problems)
    }
}
