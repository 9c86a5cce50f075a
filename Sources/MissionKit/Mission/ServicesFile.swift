/// `.factory/services.yaml`: named one-line commands and long-running services.
public struct ServicesFile: Sendable, Hashable {
    public struct Command: Sendable, Hashable {
        public var name: String
        public var command: String
        public var location: SourceLocation
    }

    public struct Service: Sendable, Hashable {
        public var name: String
        public var start: String?
        public var stop: String?
        public var healthcheck: String?
        public var port: Int?
        public var portLocation: SourceLocation?
        public var dependsOn: [Dependency]
        public var location: SourceLocation
        /// Where each command field is, for findings about it.
        public var fieldLocations: [String: SourceLocation]
        /// Keys that are not service fields (`health_check`, `env_file`, …), in file order.
        public var unknownKeys: [Key] = []
    }

    /// A key of a service mapping, with its position.
    public struct Key: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }

    /// The fields a service may have.
    public static let serviceKeys = ["start", "stop", "healthcheck", "port", "depends_on"]

    public struct Dependency: Sendable, Hashable {
        public var name: String
        public var location: SourceLocation
    }

    public var commands: [Command]
    public var services: [Service]

    public func command(_ name: String) -> Command? { commands.first { $0.name == name } }
    public func service(_ name: String) -> Service? { services.first { $0.name == name } }

    /// A problem with the file's shape or syntax, with position.
    public struct Problem: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation
    }

    /// Parses and validates the shape. Problems are returned with what could be parsed, so the
    /// rest is still checked; a caller that runs services refuses a file with any problem.
    public static func parse(_ bytes: [UInt8]) -> (ServicesFile?, [Problem]) {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(bytes)
        } catch {
            return (nil, [Problem(message: "YAML syntax error: \(error.message)", location: error.location)])
        }
        if root.isNull { return (ServicesFile(commands: [], services: []), []) }
        guard let top = root.mapping else {
            return (nil, [Problem(message: "the top level must be a mapping with `commands:` and `services:`, found \(root.kindName)", location: root.location)])
        }
        var problems: [Problem] = []
        var commands: [Command] = []
        var services: [Service] = []
        for pair in top {
            switch pair.key.string {
            case "commands":
                commands = parseCommands(pair.value, &problems)
            case "services":
                services = parseServices(pair.value, &problems)
            default:
                continue  // other tools' keys are tolerated
            }
        }
        return (ServicesFile(commands: commands, services: services), problems)
    }

    private static func parseCommands(_ node: YAMLNode, _ problems: inout [Problem]) -> [Command] {
        if node.isNull { return [] }
        guard let pairs = node.mapping else {
            problems.append(Problem(message: "`commands` must map a name to a shell line, found \(node.kindName)", location: node.location))
            return []
        }
        var result: [Command] = []
        var notLines: [(name: String, node: YAMLNode)] = []
        for pair in pairs {
            guard let name = pair.key.string else {
                problems.append(Problem(message: "a command name must be a scalar", location: pair.key.location))
                continue
            }
            guard let line = pair.value.string else {
                notLines.append((name, pair.value))
                continue
            }
            result.append(Command(name: name, command: line, location: pair.value.location))
        }
        // Commands written as mappings (`build: {command: …}`) are usually all written so: one
        // problem for the lot, at the first, not one per command.
        if let first = notLines.first {
            let example = first.node["command"]?.string ?? first.node["cmd"]?.string
            let names = notLines.prefix(6).map { "`\($0.name)`" }.joined(separator: ", ") + (notLines.count > 6 ? ", …" : "")
            let message = notLines.count == 1
                ? "`commands.\(first.name)` must be one shell line, found \(first.node.kindName)"
                : "\(notLines.count) commands are not one shell line (\(names)); the first is \(first.node.kindName)"
            problems.append(
                Problem(
                    message: message + (example.map { "; write `\(first.name): \($0)`" } ?? ""),
                    location: first.node.location))
        }
        return result
    }

    private static func parseServices(_ node: YAMLNode, _ problems: inout [Problem]) -> [Service] {
        if node.isNull { return [] }
        guard let pairs = node.mapping else {
            problems.append(Problem(message: "`services` must map a name to a service, found \(node.kindName)", location: node.location))
            return []
        }
        var result: [Service] = []
        for pair in pairs {
            guard let name = pair.key.string else {
                problems.append(Problem(message: "a service name must be a scalar", location: pair.key.location))
                continue
            }
            guard let fields = pair.value.mapping else {
                problems.append(Problem(message: "service `\(name)` must be a mapping (start, stop, healthcheck, port, depends_on), found \(pair.value.kindName)", location: pair.value.location))
                continue
            }
            var service = Service(
                name: name, start: nil, stop: nil, healthcheck: nil, port: nil, portLocation: nil, dependsOn: [],
                location: pair.key.location, fieldLocations: [:])
            for field in fields {
                guard let key = field.key.string else { continue }
                let value = field.value
                service.fieldLocations[key] = value.location
                switch key {
                case "start", "stop", "healthcheck":
                    if value.isNull { continue }
                    guard let s = value.string else {
                        problems.append(Problem(message: "`services.\(name).\(key)` must be one shell line, found \(value.kindName)", location: value.location))
                        continue
                    }
                    switch key {
                    case "start": service.start = s
                    case "stop": service.stop = s
                    default: service.healthcheck = s
                    }
                case "port":
                    if value.isNull { continue }
                    guard let s = value.string, let port = Int(s), (1...65535).contains(port) else {
                        problems.append(Problem(message: "`services.\(name).port` must be a port number from 1 to 65535 (or null), found `\(value.string ?? value.kindName)`", location: value.location))
                        continue
                    }
                    service.port = port
                    service.portLocation = value.location
                case "depends_on":
                    if value.isNull { continue }
                    if let single = value.string {
                        service.dependsOn = [Dependency(name: single, location: value.location)]
                    } else if let items = value.sequence {
                        for item in items {
                            if let dep = item.string {
                                service.dependsOn.append(Dependency(name: dep, location: item.location))
                            } else {
                                problems.append(Problem(message: "`services.\(name).depends_on` entries must be service names", location: item.location))
                            }
                        }
                    } else {
                        problems.append(Problem(message: "`services.\(name).depends_on` must be a list of service names", location: value.location))
                    }
                default:
                    // env_file, health_check, …: reported as a warning, never a reason to refuse the file.
                    service.unknownKeys.append(Key(name: key, location: field.key.location))
                }
            }
            result.append(service)
        }
        return result
    }
}
