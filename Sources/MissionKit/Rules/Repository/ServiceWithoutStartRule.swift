/// A service that declares no `start`, so nothing can start (or probe) it.
public struct ServiceWithoutStartRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "service-without-start", severity: .warning,
        summary: "A service declares no `start` command, so it can be neither started nor probed.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { path, file in
            file.services.filter { $0.start == nil }.map { service in
                descriptor.finding(
                    path, service.location, message: "service `\(service.name)` has no `start`",
                    hint: "Add `start:` with the command that runs it in the foreground (or probes a server someone else runs).")
            }
        }
    }
}

extension ServiceWithoutStartRule {
    public static var examples: [RuleExample] {
        [.services("commands:\n  test: swift test\nservices:\n  api:\n    port: 8080\n", reports: true), .services(RuleExample.goodServices, reports: false)]
    }
}
