extension CheckContext {
    /// The display path of services.yaml.
    var servicesFile: String { ".factory/services.yaml" }
}
