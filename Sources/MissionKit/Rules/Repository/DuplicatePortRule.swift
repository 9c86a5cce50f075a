/// Two services declaring the same port.
public struct DuplicatePortRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "duplicate-port", severity: .error,
        summary: "Two services declare the same port.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        var owner: [Int: String] = [:]
        var out: [Finding] = []
        for service in file.services {
            // A service deployed elsewhere (its URL names another host) takes no local port.
            guard let port = service.port, service.remoteEndpoint == nil else { continue }
            if let first = owner[port] {
                out.append(
                    descriptor.finding(
                        path, service.portLocation ?? service.location,
                        message: "service `\(service.name)` uses port \(port), already used by `\(first)`",
                        hint: "Give each service its own port (and use it in start, stop and healthcheck)."))
            } else {
                owner[port] = service.name
            }
        }
        return out
    }
}

extension DuplicatePortRule {
    public static var examples: [RuleExample] {
        [
            .services(RuleExample.goodServices + "  web:\n    start: ./web --port 8080\n    port: 8080\n", reports: true),
            .services(RuleExample.goodServices + "  web:\n    start: ./web --port 8081\n    port: 8081\n", reports: false),
            .services(
                "services:\n  api:\n    start: fly deploy\n    healthcheck: curl -sf https://api.example.com/health\n    port: 443\n"
                    + "  web:\n    start: vercel deploy\n    healthcheck: curl -sf https://web.example.com/\n    port: 443\n", reports: false),
        ]
    }
}
