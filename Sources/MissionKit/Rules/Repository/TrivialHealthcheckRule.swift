/// A healthcheck that succeeds whatever the service's state.
public struct TrivialHealthcheckRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "trivial-healthcheck", severity: .warning,
        summary: "A healthcheck always succeeds (`echo …`, `true`, `… || true`, `… || echo …`).")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        return file.services.compactMap { service in
            guard let check = service.healthcheck, let reason = Self.trivialReason(check) else { return nil }
            return descriptor.finding(
                path, service.fieldLocations["healthcheck"] ?? service.location,
                message: "the healthcheck of `\(service.name)` always succeeds (\(reason)): `\(check)`",
                hint: "Probe the service for real, e.g. `curl -sf http://127.0.0.1:PORT/readyz` or `pg_isready -h 127.0.0.1 -p PORT`.")
        }
    }

    /// Why a shell line always exits 0, or nil when it can fail.
    public static func trivialReason(_ command: String) -> String? {
        let line = command.trimming(" \t;")
        let first = line.split(separator: " ").first.map(String.init) ?? ""
        if ["true", ":", "exit 0"].contains(line) { return "`\(line)` never fails" }
        if ["echo", "printf"].contains(first) && !line.contains("&&") && !line.contains("|") {
            return "it only prints"
        }
        let parts = line.components(separatedBy: "||")
        if parts.count > 1, let fallback = parts.last?.trimming(" \t") {
            let word = fallback.split(separator: " ").first.map(String.init) ?? ""
            if ["true", ":"].contains(fallback) || ["echo", "printf"].contains(word) || fallback == "exit 0" {
                return "`|| \(fallback)` masks failure"
            }
        }
        return nil
    }
}

extension TrivialHealthcheckRule {
    public static var examples: [RuleExample] {
        [
            .services("services:\n  api:\n    start: ./api --port 8080\n    healthcheck: echo ok\n    port: 8080\n", reports: true),
            .services(RuleExample.goodServices, reports: false),
        ]
    }
}
