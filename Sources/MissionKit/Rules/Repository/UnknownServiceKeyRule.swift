/// A service key that is none of start, stop, healthcheck, port, depends_on: a misspelling
/// (`health_check`, `healthCheck`), reported on its own, or other tools' keys (`env_file`,
/// `build`), reported once per service.
public struct UnknownServiceKeyRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-service-key", severity: .warning,
        summary: "A service has a key other than start, stop, healthcheck, port and depends_on, which is ignored.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { path, file in
            file.services.flatMap { service -> [Finding] in
                var out: [Finding] = []
                var others: [ServicesFile.Key] = []
                for key in service.unknownKeys {
                    guard let suggestion = NameSuggestion.closest(to: key.name, in: ServicesFile.serviceKeys) else {
                        others.append(key)
                        continue
                    }
                    out.append(
                        descriptor.finding(
                            path, key.location,
                            message: "service `\(service.name)` has the key `\(key.name)`, which is ignored; did you mean `\(suggestion)`?",
                            hint: "Rename it to `\(suggestion)`."))
                }
                if let first = others.first {
                    let names = others.map { "`\($0.name)`" }.joined(separator: ", ")
                    out.append(
                        descriptor.finding(
                            path, first.location,
                            message: "service `\(service.name)` has \(others.count == 1 ? "a key" : "keys") that the service runner ignores: \(names)",
                            hint: "A service has start, stop, healthcheck, port and depends_on; fold the rest into `start` or remove it."))
                }
                return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
            }
        }
    }
}

extension UnknownServiceKeyRule {
    public static var examples: [RuleExample] {
        [.services(RuleExample.goodServices + "    build: make\n", reports: true), .services(RuleExample.goodServices, reports: false)]
    }
}
