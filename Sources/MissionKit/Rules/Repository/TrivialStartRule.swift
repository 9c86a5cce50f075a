/// A service whose `start` only prints (`echo "run it yourself"`): nothing is started, so the
/// healthcheck that follows waits for a service that never comes.
public struct TrivialStartRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "trivial-start", severity: .warning,
        summary: "A service's start command starts nothing (`echo …`, `true`).")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        file.services.compactMap { service in
            guard let start = service.start, let reason = TrivialHealthcheckRule.trivialReason(start), !reason.hasPrefix("`||") else { return nil }
            return descriptor.finding(
                path, service.fieldLocations["start"] ?? service.location,
                message: "the start command of `\(service.name)` starts nothing (\(reason)): `\(start)`",
                hint: "Write the command that runs the service (e.g. `./api --port PORT`); for a service run elsewhere, drop `start` and keep the healthcheck.")
        }
    }
}

extension TrivialStartRule {
    public static var examples: [RuleExample] {
        [
            .services("services:\n  api:\n    start: echo 'start the api by hand'\n    healthcheck: curl -sf http://127.0.0.1:8080/readyz\n    port: 8080\n", reports: true),
            .services(RuleExample.goodServices, reports: false),
        ]
    }
}
