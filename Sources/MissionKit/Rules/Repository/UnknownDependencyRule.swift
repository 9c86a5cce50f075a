/// `depends_on` naming a service that is not declared.
public struct UnknownDependencyRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "unknown-dependency", severity: .error,
        summary: "A service depends on a service that services.yaml does not declare.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        let names = Set(file.services.map(\.name))
        return file.services.flatMap { service in
            service.dependsOn.filter { !names.contains($0.name) }.map { dep in
                descriptor.finding(
                    path, dep.location,
                    message: "service `\(service.name)` depends on `\(dep.name)`, which is not declared",
                    hint: names.isEmpty ? "Declare the service under `services:`." : "Declared services: \(names.sorted().joined(separator: ", ")).")
            }
        }
    }
}

extension UnknownDependencyRule {
    public static var examples: [RuleExample] {
        [.services(RuleExample.goodServices + "    depends_on: [db]\n", reports: true), .services(RuleExample.goodServices + "    depends_on: []\n", reports: false)]
    }
}
