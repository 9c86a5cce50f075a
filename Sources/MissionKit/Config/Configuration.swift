/// `.missionctl.yml`: a repository's defaults for missionctl, read with libyaml.
///
/// ```yaml
/// strict: true                  # warnings fail the run (--strict)
/// require-status-blocks: false  # the status-block opt-in (--require-status-blocks)
/// format: line                  # the default --format
/// missions: [.factory]          # mission folders, instead of discovering every mission
/// ignore: ["docs/archive/**"]   # findings in these paths (globs) are not reported
/// rules:
///   unknown-skill: off          # error | warning | off
///   trivial-healthcheck: error
/// ```
///
/// Unknown keys, unknown rule ids and values of the wrong kind are errors with file, line,
/// column and "did you mean": a misspelt setting must never be silently ignored.
public struct Configuration: Sendable, Hashable {
    public enum RuleSetting: String, Sendable, Hashable, CaseIterable {
        case error, warning, off
    }

    /// The file's name at the repository root.
    public static let fileName = ".missionctl.yml"
    public static let keys = ["strict", "require-status-blocks", "format", "missions", "ignore", "rules"]

    /// Where it was read from (repo-relative when inside the repository); nil for the defaults.
    public var file: String?
    public var strict: Bool?
    public var requireStatusBlocks: Bool?
    public var format: String?
    public var missions: [String]?
    public var ignore: [Glob] = []
    public var rules: [String: RuleSetting] = [:]

    public init() {}

    /// Parses `bytes`; `file` names it in errors. `knownRules` and `formats` are what the
    /// values may be (the caller's rule registry and output formats).
    public static func parse(
        _ bytes: [UInt8], file: String, knownRules: Set<String>, formats: [String]
    ) throws(MissionError) -> Configuration {
        func fail(_ location: SourceLocation, _ message: String) -> MissionError {
            MissionError("\(file):\(location.line):\(location.column): \(message)")
        }
        var config = Configuration()
        config.file = file
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(bytes)
        } catch {
            throw fail(error.location, "YAML syntax error: \(error.message)")
        }
        if root.isNull { return config }
        guard let pairs = root.mapping else {
            throw fail(root.location, "the configuration must be a mapping of settings (\(keys.joined(separator: ", "))), not \(root.kindName)")
        }
        func bool(_ node: YAMLNode, _ key: String) throws(MissionError) -> Bool {
            switch node.string {
            case "true": return true
            case "false": return false
            default: throw fail(node.location, "`\(key)` must be true or false, not \(node.string.map { "`\($0)`" } ?? node.kindName)")
            }
        }
        func strings(_ node: YAMLNode, _ key: String) throws(MissionError) -> [String] {
            guard let items = node.sequence else { throw fail(node.location, "`\(key)` must be a list of paths, not \(node.kindName)") }
            var result: [String] = []
            for item in items {
                guard let s = item.string, item.isScalar, !s.isEmpty else {
                    throw fail(item.location, "each entry of `\(key)` must be a path, not \(item.kindName)")
                }
                result.append(s)
            }
            return result
        }
        var seen: Set<String> = []
        for pair in pairs {
            guard let key = pair.key.string else { throw fail(pair.key.location, "a setting's name must be a plain word") }
            guard keys.contains(key) else {
                throw fail(pair.key.location, "unknown setting `\(key)`\(NameSuggestion.phrase(for: key, in: keys)); settings: \(keys.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw fail(pair.key.location, "`\(key)` is set twice; keep one") }
            let value = pair.value
            switch key {
            case "strict": config.strict = try bool(value, key)
            case "require-status-blocks": config.requireStatusBlocks = try bool(value, key)
            case "format":
                guard let format = value.string, formats.contains(format) else {
                    throw fail(value.location, "`format` must be one of \(formats.joined(separator: ", "))\(value.string.map { NameSuggestion.phrase(for: $0, in: formats) } ?? "")")
                }
                config.format = format
            case "missions": config.missions = try strings(value, key)
            case "ignore": config.ignore = try strings(value, key).map(Glob.init)
            default:  // rules
                guard let rules = value.mapping else {
                    throw fail(value.location, "`rules` must map rule ids to error, warning or off, not \(value.kindName)")
                }
                for rule in rules {
                    guard let id = rule.key.string, knownRules.contains(id) else {
                        let id = rule.key.string ?? ""
                        throw fail(rule.key.location, "unknown rule `\(id)`\(NameSuggestion.phrase(for: id, in: knownRules)); `missionctl rules` lists them")
                    }
                    // YAML 1.1 reads a bare `off` as false; accept both spellings of each.
                    let raw = rule.value.string.map { ["false": "off", "no": "off"][$0] ?? $0 }
                    guard let raw, let setting = RuleSetting(rawValue: raw) else {
                        throw fail(rule.value.location, "`\(id)` must be error, warning or off\(rule.value.string.map { NameSuggestion.phrase(for: $0, in: RuleSetting.allCases.map(\.rawValue)) } ?? "")")
                    }
                    config.rules[id] = setting
                }
            }
        }
        return config
    }

    /// The report as this configuration wants it: rules set to `off` and findings in ignored
    /// paths are dropped (and counted in a note), other rule settings change the severity.
    public func apply(to report: DiagnosticsReport) -> DiagnosticsReport {
        guard !rules.isEmpty || !ignore.isEmpty else { return report }
        var result = report
        var dropped = 0
        result.findings = report.findings.compactMap { finding in
            var f = finding
            switch rules[f.rule] {
            case .off?:
                dropped += 1
                return nil
            case .error?: f.severity = .error
            case .warning?: f.severity = .warning
            case nil: break
            }
            if ignore.contains(where: { $0.matches(f.file) }) {
                dropped += 1
                return nil
            }
            return f
        }
        if dropped > 0 {
            result.notes.append("\(dropped) finding(s) not reported: turned off or in ignored paths by \(file ?? Configuration.fileName)")
        }
        return result
    }
}

extension Configuration {
    /// The repository's configuration: `file` (a path named by the user), else `.missionctl.yml`
    /// at `repo`, else the defaults.
    public static func load(file option: String?, repo: String) throws(MissionError) -> Configuration {
        let path: String
        if let option {
            path = FileSystem.absolute(option)
            guard FileSystem.exists(path) else { throw MissionError("--config \(option): no such file (tried \(path))") }
        } else {
            path = repo + "/" + fileName
            guard FileSystem.exists(path) else { return Configuration() }
        }
        let shown = FileSystem.isInside(path, root: repo) ? FileSystem.relativePath(path, to: repo) : path
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            throw MissionError("\(shown): \(error.message)")
        }
        return try parse(
            bytes, file: shown, knownRules: Set(RuleRegistry.allDescriptors.map(\.id)), formats: ReportFormat.allCases.map(\.rawValue))
    }
}
