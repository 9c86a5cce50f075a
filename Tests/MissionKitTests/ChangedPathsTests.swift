import MissionKit
import Testing

/// A claimed path against a commit's changed paths (issue 28: through a sorted index, not a
/// scan per claim): the same answers a scan gives, in the commit's order.
@Suite struct ChangedPathsTests {
    static let changed = ChangedPaths([
        "src/z.swift", "docs/b.md", "src/a.swift", "src-old/x.swift", "src/sub/c.swift", "README.md", "docs/a.md", "srcfile",
    ])

    @Test(arguments: [
        ("src", ["src/z.swift", "src/a.swift", "src/sub/c.swift"]),
        ("src/", ["src/z.swift", "src/a.swift", "src/sub/c.swift"]),
        ("src/...", ["src/z.swift", "src/a.swift", "src/sub/c.swift"]),
        ("./src//sub", ["src/sub/c.swift"]),
        ("srcfile", ["srcfile"]),
        ("docs/a.md", ["docs/a.md"]),
        ("docs/*.md", ["docs/b.md", "docs/a.md"]),
        ("src/**/*.swift", ["src/z.swift", "src/a.swift", "src/sub/c.swift"]),
        ("**/c.swift", ["src/sub/c.swift"]),
        ("*.md", ["README.md"]),
        ("sr", []),
        ("docs/c.md", []),
        ("lib/*.swift", []),
    ])
    func aClaimMatchesWhatAScanWould(claim: String, expected: [String]) {
        #expect(Self.changed.matches(claim) == expected)
        #expect(Self.changed.contains(claim) == !expected.isEmpty)
    }

    /// Thousands of claims against thousands of paths, checked against the plain scan.
    @Test func manyClaimsAgreeWithAScan() {
        let paths = (0..<2000).map { "pkg\($0 % 37)/file\($0).swift" }
        let changed = ChangedPaths(paths)
        for folder in (0..<40).map({ "pkg\($0)" }) {
            #expect(changed.matches(folder) == paths.filter { $0.hasPrefix(folder + "/") })
        }
        #expect(changed.matches("pkg3/file3.swift") == ["pkg3/file3.swift"])
    }
}
