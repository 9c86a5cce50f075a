/// The features of `features.json`, in execution order.
public struct FeatureList: Sendable, Hashable {
    public struct Feature: Sendable, Hashable {
        public var id: String
        public var skillName: String?
        public var milestone: String?
        public var status: String?
        /// The commit the orchestrator recorded for the feature's work (`commit`), when any.
        public var commit: String?
        /// Where `status` is (the feature's position when it has none).
        public var statusLocation: SourceLocation = .start
        /// Assertion ids with their positions in the file.
        public var fulfills: [(id: String, location: SourceLocation)]
        public var location: SourceLocation
        public var skillLocation: SourceLocation

        /// Whether features.json calls it done (`completed`, the one canonical spelling).
        public var isCompleted: Bool { status == "completed" }

        public static func == (a: Feature, b: Feature) -> Bool {
            a.id == b.id && a.skillName == b.skillName && a.fulfills.map(\.id) == b.fulfills.map(\.id)
        }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    public var features: [Feature]
    /// Assertion ids the file names outside `features` (a custom list beside it), with the JSON
    /// path and position of the first mention of each.
    public var otherMentions: [String: (path: String, location: SourceLocation)] = [:]

    public static func == (a: FeatureList, b: FeatureList) -> Bool { a.features == b.features }
    public func hash(into hasher: inout Hasher) { hasher.combine(features) }

    public var ids: Set<String> { Set(features.map(\.id)) }

    /// A problem with the file's shape, with its JSON path and position.
    public struct ShapeProblem: Sendable {
        public var message: String
        public var location: SourceLocation
    }

    /// Records each assertion id in the strings of `value` (depth-first, first mention kept).
    static func collectMentions(
        _ value: JSONElement, path: String, into mentions: inout [String: (path: String, location: SourceLocation)], json: JSONDocument,
        depth: Int = 0
    ) {
        guard depth < 64 else { return }
        if let s = value.string {
            for id in AssertionID.tokens(in: s) where mentions[id] == nil { mentions[id] = (path, json.location(of: value)) }
        } else if let array = value.elements {
            for (i, item) in array.enumerated() { collectMentions(item, path: "\(path)[\(i)]", into: &mentions, json: json, depth: depth + 1) }
        } else if let object = JSONObject(value) {
            for key in object.keys.sorted() {
                if let member = object[key] { collectMentions(member, path: "\(path).\(key)", into: &mentions, json: json, depth: depth + 1) }
            }
        }
    }

    /// Decodes the document; shape problems are returned, never thrown, so one bad feature
    /// does not hide the others.
    public static func decode(_ json: JSONDocument) -> (FeatureList?, [ShapeProblem]) {
        var problems: [ShapeProblem] = []
        let array: [JSONElement]
        var base = "$.features"
        if let bare = json.root.elements {
            // Reported, then checked all the same: a bare array hides real problems otherwise.
            problems.append(ShapeProblem(message: "features.json is a bare array; expected an object {\"features\": [...]}", location: json.location("$")))
            array = bare
            base = "$"
        } else if let object = JSONObject(json.root) {
            guard let list = object.array("features") else {
                let message = object["features"] == nil
                    ? "features.json has no \"features\" key; expected {\"features\": [...]}"
                    : "$.features must be an array"
                return (nil, [ShapeProblem(message: message, location: json.location(object["features"] == nil ? "$" : "$.features"))])
            }
            array = list
        } else {
            return (nil, [ShapeProblem(message: "features.json is not an object; expected {\"features\": [...]}", location: json.location("$"))])
        }
        var features: [Feature] = []
        features.reserveCapacity(array.count)  // no doubling copies of a large list
        for (index, element) in array.enumerated() {
            let path = "\(base)[\(index)]"
            guard let f = JSONObject(element) else {
                problems.append(ShapeProblem(message: "\(path) must be an object", location: json.location(of: element)))
                continue
            }
            /// Where the feature's `key` stands, or the feature when it has none.
            func at(_ key: String) -> SourceLocation { json.location(of: f[key] ?? element) }
            guard let id = f.string("id") else {
                problems.append(ShapeProblem(message: "\(path).id must be a non-empty string", location: at("id")))
                continue
            }
            var fulfills: [(String, SourceLocation)] = []
            if f.has("fulfills") {
                if let list = f.array("fulfills") {
                    for (j, item) in list.enumerated() {
                        if let s = item.string {
                            fulfills.append((s, json.location(of: item)))
                        } else {
                            problems.append(ShapeProblem(message: "\(path).fulfills[\(j)] must be a string", location: json.location(of: item)))
                        }
                    }
                } else {
                    problems.append(ShapeProblem(message: "\(path).fulfills must be an array of assertion ids", location: at("fulfills")))
                }
            }
            for key in ["skillName", "milestone", "status", "commit"] where f.isNotString(key) {
                problems.append(ShapeProblem(message: "\(path).\(key) must be a string", location: at(key)))
            }
            features.append(
                Feature(
                    id: id, skillName: f["skillName"]?.string, milestone: f["milestone"]?.string,
                    status: f["status"]?.string, commit: f.string("commit"), statusLocation: at("status"), fulfills: fulfills,
                    location: json.location(of: element), skillLocation: at("skillName")))
        }
        var list = FeatureList(features: features)
        if let object = JSONObject(json.root) {
            for key in object.keys.sorted() where key != "features" {
                guard let member = object[key] else { continue }
                collectMentions(member, path: "$.\(key)", into: &list.otherMentions, json: json)
            }
        }
        return (list, problems)
    }
}
