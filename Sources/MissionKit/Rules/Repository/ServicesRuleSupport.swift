extension RepositoryFiles {
    /// Each services.yaml that could be parsed, with its display path.
    var parsedServices: [(path: String, file: ServicesFile)] {
        services.compactMap { s in s.file.map { (s.path, $0) } }
    }
}

extension ServicesFile.Service {
    /// The first `http://` or `https://` URL of the healthcheck (else of `start`) when its host is
    /// not this machine: such a service runs elsewhere and its port is the URL's (or the scheme's),
    /// so it cannot collide with a local port. Nil for localhost, 127.x, 0.0.0.0, ::1 or no URL.
    var remoteEndpoint: (host: String, port: Int)? {
        for command in [healthcheck, start].compactMap({ $0 }) {
            guard let endpoint = Self.firstURL(in: command) else { continue }
            let local = ["localhost", "0.0.0.0", "::1", "[::1]", "host.docker.internal"].contains(endpoint.host.lowercased())
                || endpoint.host.hasPrefix("127.") || endpoint.host.hasSuffix(".localhost")
            return local ? nil : endpoint
        }
        return nil
    }

    static func firstURL(in command: String) -> (host: String, port: Int)? {
        for scheme in ["https://", "http://"] {
            guard let range = command.firstRange(of: scheme) else { continue }
            let rest = command[range.upperBound...]
            let authority = rest.prefix { !"/ \t'\"?#)".contains($0) }
            let hostPart = authority.split(separator: "@").last.map(String.init) ?? ""
            var host = hostPart
            var port = scheme == "https://" ? 443 : 80
            if hostPart.hasPrefix("[") {  // [::1]:8080
                if let close = hostPart.firstIndex(of: "]") {
                    host = String(hostPart[...close])
                    let after = hostPart[hostPart.index(after: close)...]
                    if after.hasPrefix(":"), let p = Int(after.dropFirst()) { port = p }
                }
            } else if let colon = hostPart.lastIndex(of: ":") {
                host = String(hostPart[..<colon])
                if let p = Int(hostPart[hostPart.index(after: colon)...]) { port = p }
            }
            guard !host.isEmpty, !host.contains("$") else { return nil }  // $HOST: unknown
            return (host, port)
        }
        return nil
    }
}
