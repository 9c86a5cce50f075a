/// `depends_on` naming a service that is not declared.
public struct UnknownDependencyRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-dependency", severity: .error,
        summary: "A service depends on a service that services.yaml does not declare.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let file = context.mission.services else { return [] }
        let names = Set(file.services.map(\.name))
        return file.services.flatMap { service in
            service.dependsOn.filter { !names.contains($0.name) }.map { dep in
                descriptor.finding(
                    context.servicesFile, dep.location,
                    message: "service `\(service.name)` depends on `\(dep.name)`, which is not declared",
                    hint: names.isEmpty ? "Declare the service under `services:`." : "Declared services: \(names.sorted().joined(separator: ", ")).")
            }
        }
    }
}
