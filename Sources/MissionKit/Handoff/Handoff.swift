/// A worker's handoff, bare or wrapped (`{"commitId": …, "handoff": {…}, "skillFeedback": {…}}`).
public struct Handoff: Sendable {
    public struct CommandRun: Sendable, Hashable {
        public var command: String
        public var exitCode: Int
        public var path: String
    }

    public struct TestCase: Sendable, Hashable {
        public var name: String
        public var verifies: String?
        public var path: String
    }

    public struct AddedTests: Sendable, Hashable {
        public var file: String
        public var cases: [TestCase]
        public var path: String
    }

    /// A path a `filesChanged` list names, with its JSON path.
    public struct ChangedFile: Sendable, Hashable {
        public var file: String
        public var path: String
    }

    public var salientSummary: String
    public var whatWasImplemented: String
    /// `filesChanged` of a team's own handoff shape: files the handoff claims it changed.
    public var filesChanged: [ChangedFile] = []
    public var commandsRun: [CommandRun]
    public var interactiveChecks: Int
    public var tests: [AddedTests]

    // The wrapper's fields (nil for a bare handoff).
    public var isWrapped: Bool
    /// The commit the handoff names: `commitId`, or `commit` as some writers spell it.
    public var commitId: String?
    /// The JSON path of the key that named the commit (`$.commitId` or `$.commit`).
    public var commitPath: String = "$.commitId"
    public var featureId: String?
    public var successState: String?
    public var followedProcedure: Bool?

    /// JSON path prefix of the handoff object: `$` or `$.handoff`.
    public var base: String

    /// A problem with the document's shape: message, JSON path.
    public struct Problem: Sendable, Hashable {
        public var message: String
        public var path: String
    }

    /// Decodes leniently (unknown keys are tolerated) and collects every shape problem.
    public static func decode(_ json: JSONDocument) -> (Handoff?, [Problem]) {
        var problems: [Problem] = []
        guard let top = JSONObject(json.root) else {
            return (nil, [Problem(message: "a handoff is a JSON object", path: "$")])
        }
        var object = top
        var base = "$"
        let wrapped = top["handoff"] != nil
        if wrapped {
            guard let inner = top.object("handoff") else {
                return (nil, [Problem(message: "`handoff` must be an object", path: "$.handoff")])
            }
            object = inner
            base = "$.handoff"
        }
        func string(_ o: JSONObject, _ key: String, _ path: String, required: Bool) -> String? {
            guard let value = o[key], !value.isNull else {
                if required { problems.append(Problem(message: "missing required string `\(key)`", path: path)) }
                return nil
            }
            guard let s = value.string else {
                problems.append(Problem(message: "`\(key)` must be a string", path: path))
                return nil
            }
            return s
        }
        func array(_ o: JSONObject, _ key: String, _ path: String, required: Bool) -> [JSONElement] {
            guard let value = o[key], !value.isNull else {
                if required { problems.append(Problem(message: "missing required array `\(key)`", path: path)) }
                return []
            }
            guard let a = value.elements else {
                problems.append(Problem(message: "`\(key)` must be an array", path: path))
                return []
            }
            return a
        }

        // A team's own shape (`feature`, `filesChanged`, prose as arrays) is no Droid handoff:
        // only what it has is read, nothing of the Droid shape is required.
        let ownShape = !wrapped && object["salientSummary"] == nil
            && (object["filesChanged"] != nil || object["feature"] != nil || object["whatWasImplemented"]?.kind == .array)
        /// A prose field: a string, or (own shapes) an array of strings joined by line breaks.
        func prose(_ key: String, required: Bool) -> String? {
            if let lines = object[key]?.elements {
                let strings = lines.compactMap(\.string)
                if strings.count != lines.count { problems.append(Problem(message: "`\(key)` must be a string or an array of strings", path: base + "." + key)) }
                return strings.joined(separator: "\n")
            }
            return string(object, key, base + "." + key, required: required)
        }
        let summary = prose("salientSummary", required: !ownShape) ?? ""
        let implemented = prose("whatWasImplemented", required: !ownShape) ?? ""
        _ = string(object, "whatWasLeftUndone", base + ".whatWasLeftUndone", required: false)
        _ = array(object, "discoveredIssues", base + ".discoveredIssues", required: false)

        var commands: [CommandRun] = []
        var checks = 0
        let vpath = base + ".verification"
        if let verification = object["verification"] {
            if let v = JSONObject(verification) {
                for (i, item) in array(v, "commandsRun", vpath + ".commandsRun", required: false).enumerated() {
                    let path = "\(vpath).commandsRun[\(i)]"
                    guard let c = JSONObject(item) else {
                        problems.append(Problem(message: "each commandsRun entry must be an object", path: path))
                        continue
                    }
                    let command = string(c, "command", path + ".command", required: true)
                    // A process's status is a 32-bit integer; anything beyond is no exit code.
                    let exit = c["exitCode"]?.integer.flatMap { Int32(exactly: $0) }.map(Int.init)
                    if exit == nil { problems.append(Problem(message: "`exitCode` must be an integer (a process's exit status)", path: path + ".exitCode")) }
                    if let command, let exit { commands.append(CommandRun(command: command, exitCode: exit, path: path)) }
                }
                checks = array(v, "interactiveChecks", vpath + ".interactiveChecks", required: false).count
            } else {
                problems.append(Problem(message: "`verification` must be an object", path: vpath))
            }
        } else if !ownShape {
            problems.append(Problem(message: "missing required object `verification`", path: vpath))
        }

        var tests: [AddedTests] = []
        if let rawTests = object["tests"], !rawTests.isNull {
            if let t = JSONObject(rawTests) {
                for (i, item) in array(t, "added", base + ".tests.added", required: false).enumerated() {
                    let path = "\(base).tests.added[\(i)]"
                    guard let entry = JSONObject(item) else {
                        problems.append(Problem(message: "each tests.added entry must be an object", path: path))
                        continue
                    }
                    guard let file = string(entry, "file", path + ".file", required: true) else { continue }
                    var cases: [TestCase] = []
                    for (j, c) in array(entry, "cases", path + ".cases", required: false).enumerated() {
                        let cpath = "\(path).cases[\(j)]"
                        guard let co = JSONObject(c) else {
                            problems.append(Problem(message: "each case must be an object with `name`", path: cpath))
                            continue
                        }
                        if let name = string(co, "name", cpath + ".name", required: true) {
                            cases.append(TestCase(name: name, verifies: string(co, "verifies", cpath + ".verifies", required: false), path: cpath))
                        }
                    }
                    tests.append(AddedTests(file: file, cases: cases, path: path))
                }
            } else {
                problems.append(Problem(message: "`tests` must be an object with `added`", path: base + ".tests"))
            }
        }

        var handoff = Handoff(
            salientSummary: summary, whatWasImplemented: implemented, commandsRun: commands, interactiveChecks: checks,
            tests: tests, isWrapped: wrapped, commitId: nil, featureId: nil, successState: nil, followedProcedure: nil,
            base: base)
        for (i, item) in array(object, "filesChanged", base + ".filesChanged", required: false).enumerated() {
            let path = "\(base).filesChanged[\(i)]"
            // Entries are paths, or objects naming one (`{"path": …}`, `{"file": …}`).
            let entry = JSONObject(item)
            if let file = item.string ?? entry?["path"]?.string ?? entry?["file"]?.string, !file.isEmpty {
                handoff.filesChanged.append(ChangedFile(file: file, path: path))
            } else {
                problems.append(Problem(message: "each filesChanged entry must be a path (or an object with `path`)", path: path))
            }
        }
        for key in ["commitId", "commit"] where top[key].map({ !$0.isNull }) ?? false {
            handoff.commitId = string(top, key, "$." + key, required: false)
            handoff.commitPath = "$." + key
            break
        }
        if !wrapped {
            handoff.featureId = string(top, "featureId", "$.featureId", required: false) ?? top["feature"]?.string
        }
        if wrapped {
            handoff.featureId = string(top, "featureId", "$.featureId", required: false)
            handoff.successState = string(top, "successState", "$.successState", required: false)
            if let state = handoff.successState, !["success", "failure", "partial"].contains(state) {
                problems.append(Problem(message: "`successState` must be success, failure or partial, found `\(state)`", path: "$.successState"))
            }
            if let feedback = top["skillFeedback"], !feedback.isNull {
                if let f = JSONObject(feedback) {
                    if let value = f["followedProcedure"] {
                        if let followed = value.bool {
                            handoff.followedProcedure = followed
                        } else {
                            problems.append(Problem(message: "`followedProcedure` must be true or false", path: "$.skillFeedback.followedProcedure"))
                        }
                    }
                } else {
                    problems.append(Problem(message: "`skillFeedback` must be an object", path: "$.skillFeedback"))
                }
            }
        }
        return (handoff, problems)
    }
}
