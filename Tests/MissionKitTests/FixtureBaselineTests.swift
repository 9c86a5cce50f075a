import MissionKit
import Testing

@Suite struct FixtureBaselineTests {
    @Test func validMissionHasNoFindings() throws {
        let repo = try TempRepo(Fixture.valid)
        let report = repo.check()
        #expect(report.findings == [], "\(report.findings)")
        #expect(report.docs == 2)
    }

    @Test func closedSetIsReadFromTheSourceDocsSection() throws {
        let repo = try TempRepo(Fixture.valid)
        let set = try #require(repo.mission().sourceDocs)
        #expect(set.entries.map(\.pattern) == ["docs/a.md", "docs/b.md"])
        #expect(set.entries[0].note == "the first doc")
        #expect(set.entries[0].location.line == 7)
    }

    @Test func closedSetAfterScopeParagraph() throws {
        let text = SourceText(
            """
            # Rules
            ## Scope
            Some intro.

            The only source of truth for mission requirements is:

            - `docs/product/tracking.md`
            - `docs/research/toggl-*.md` (research)

            ## Mission Boundaries (NEVER VIOLATE)
            - `internal/` off limits
            """)
        let set = SourceDocSet.parse(text)
        #expect(set.entries.map(\.pattern) == ["docs/product/tracking.md", "docs/research/toggl-*.md"])
        #expect(set.entries[1].isGlob)
    }
}
