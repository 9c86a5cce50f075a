/// A service whose declared port appears in neither its start nor its healthcheck.
public struct PortNotInCommandRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "port-not-in-command", severity: .warning,
        summary: "A service's port appears in neither its start nor its healthcheck command.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        return file.services.compactMap { service in
            guard let port = service.port else { return nil }
            // `https://api.example.com` implies 443: the port is in the URL's scheme.
            if let remote = service.remoteEndpoint, remote.port == port { return nil }
            let commands = [service.start, service.healthcheck].compactMap { $0 }
            guard !commands.contains(where: { Self.mentions($0, port: port) }) else { return nil }
            return descriptor.finding(
                path, service.portLocation ?? service.location,
                message: "service `\(service.name)` declares port \(port), but neither `start` nor `healthcheck` uses it",
                hint: "Hard-code the port in start and healthcheck, as the orchestrator expects, so they agree with `port`.")
        }
    }

    /// Whether `port` occurs in `command` as a whole number (8080 is not in 18080).
    static func mentions(_ command: String, port: Int) -> Bool {
        let digits = Array(command.utf8)
        let needle = Array(String(port).utf8)
        guard digits.count >= needle.count else { return false }
        for i in 0...(digits.count - needle.count) where Array(digits[i..<(i + needle.count)]) == needle {
            let before = i == 0 || !(48...57).contains(digits[i - 1])
            let afterIndex = i + needle.count
            let after = afterIndex == digits.count || !(48...57).contains(digits[afterIndex])
            if before && after { return true }
        }
        return false
    }
}

extension PortNotInCommandRule {
    public static var examples: [RuleExample] {
        [
            .services("services:\n  api:\n    start: ./api\n    healthcheck: curl -sf http://127.0.0.1/readyz\n    port: 8080\n", reports: true),
            .services(RuleExample.goodServices, reports: false),
            .services("services:\n  api:\n    start: fly deploy\n    healthcheck: curl -sf https://api.example.com/health\n    port: 443\n", reports: false),
        ]
    }
}
