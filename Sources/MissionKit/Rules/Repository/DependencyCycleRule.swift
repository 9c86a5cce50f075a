/// Services whose `depends_on` form a cycle, so no start order exists.
public struct DependencyCycleRule: RepositoryRule {
    public static let descriptor = RuleDescriptor(
        id: "dependency-cycle", severity: .error,
        summary: "Services depend on each other in a cycle, so they cannot be started in order.")
    public init() {}

    public func check(_ repository: RepositoryFiles) -> [Finding] {
        repository.parsedServices.flatMap { check($0.file, path: $0.path) }
    }

    func check(_ file: ServicesFile, path: String) -> [Finding] {
        return Self.cycles(file).map { cycle in
            let service = file.service(cycle[0])
            return descriptor.finding(
                path, service?.location ?? .start,
                message: "dependency cycle: \((cycle + [cycle[0]]).joined(separator: " → "))",
                hint: "Remove one `depends_on` edge of the cycle.")
        }
    }

    /// Each distinct cycle once, starting at its alphabetically first service.
    public static func cycles(_ file: ServicesFile) -> [[String]] {
        let edges = Dictionary(file.services.map { ($0.name, $0.dependsOn.map(\.name)) }, uniquingKeysWith: { a, _ in a })
        var found: Set<[String]> = []
        var result: [[String]] = []
        var state: [String: Int] = [:]  // 1 on stack, 2 done
        var stack: [String] = []
        func visit(_ node: String) {
            state[node] = 1
            stack.append(node)
            for next in edges[node] ?? [] where edges[next] != nil {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    var cycle = Array(stack[start...])
                    let pivot = cycle.indices.min { cycle[$0] < cycle[$1] } ?? 0
                    cycle = Array(cycle[pivot...] + cycle[..<pivot])
                    if found.insert(cycle).inserted { result.append(cycle) }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            stack.removeLast()
            state[node] = 2
        }
        for service in file.services.map(\.name) where state[service] == nil { visit(service) }
        return result
    }
}

extension DependencyCycleRule {
    public static var examples: [RuleExample] {
        [
            .services("services:\n  a:\n    start: ./a\n    depends_on: [b]\n  b:\n    start: ./b\n    depends_on: [a]\n", reports: true),
            .services("services:\n  a:\n    start: ./a\n    depends_on: [b]\n  b:\n    start: ./b\n", reports: false),
        ]
    }
}
