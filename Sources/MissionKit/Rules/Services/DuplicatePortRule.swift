/// Two services declaring the same port.
public struct DuplicatePortRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "duplicate-port", severity: .error,
        summary: "Two services declare the same port.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        guard let file = context.mission.services else { return [] }
        var owner: [Int: String] = [:]
        var out: [Finding] = []
        for service in file.services {
            guard let port = service.port else { continue }
            if let first = owner[port] {
                out.append(
                    descriptor.finding(
                        context.servicesFile, service.portLocation ?? service.location,
                        message: "service `\(service.name)` uses port \(port), already used by `\(first)`",
                        hint: "Give each service its own port (and use it in start, stop and healthcheck)."))
            } else {
                owner[port] = service.name
            }
        }
        return out
    }
}
