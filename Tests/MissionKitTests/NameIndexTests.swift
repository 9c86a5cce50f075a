import MissionKit
import Testing

/// "Did you mean" over many names (issue 28): an index asked N times costs N log N, and finds
/// what the whole-set search finds for the misspellings people make.
@Suite struct NameIndexTests {
    static let names = (0..<3000).map { "file-\(String(format: "%05d", $0 * 7)).md" } + ["export.md", "tracking.md", "readme.md"]

    @Test(arguments: [
        ("exports.md", "export.md"), ("trackng.md", "tracking.md"), ("xracking.md", "tracking.md"), ("README.MD", "readme.md"),
        ("file-00070.mdx", "file-00070.md"), ("file_00140.md", "file-00140.md"),
    ])
    func aLargeSetFindsTheMisspeltName(typo: String, meant: String) {
        #expect(NameIndex(Self.names).closest(to: typo) == meant)
    }

    @Test func smallSetsAreSearchedWholeAndKnownNamesNeedNoSuggestion() {
        let index = NameIndex(["alpha.md", "beta.md"])
        #expect(index.closest(to: "alpah.md") == "alpha.md")
        #expect(index.closest(to: "alpha.md") == nil)
        #expect(index.closest(to: "completely-different.md") == nil)
        #expect(NameSuggestion.closest(to: "complte", in: ["complete", "partial"]) == "complete")
    }
}
