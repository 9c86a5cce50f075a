extension RepositoryFiles {
    /// Each services.yaml that could be parsed, with its display path.
    var parsedServices: [(path: String, file: ServicesFile)] {
        services.compactMap { s in s.file.map { (s.path, $0) } }
    }
}
