import Foundation

/// Where the packages are on disk, found once from this file's own path.
public enum PackagePaths {
    /// The light package's root (`Tests/TestSupport/` is two levels below it).
    public static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The companion package's root.
    public static var tracking: String { root + "/Tracking" }

    /// The synthetic missions in `Tests/Fixtures`.
    public static var fixtures: String { root + "/Tests/Fixtures" }

    /// A fresh, empty temporary folder named after `label`; the caller removes it.
    public static func scratchFolder(_ label: String) throws -> String {
        let path = NSTemporaryDirectory() + "missionctl-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Copies a fixture to a fresh temporary folder (tests that write must not touch the sources).
    public static func copyFixture(_ name: String) throws -> String {
        let dest = NSTemporaryDirectory() + "missionctl-e2e-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: fixtures + "/" + name, toPath: dest)
        return dest
    }
}
