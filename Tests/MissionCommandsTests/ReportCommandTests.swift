import Foundation
import MissionCommands
import MissionKit
import Testing

/// `missionctl report`, in process: formats, output, links and errors.
@Suite struct ReportCommandTests {
    static let fixture = InProcess.fixtures + "/report-mission"

    @Test func markdownGoesToStandardOutputAndMatchesThePinnedPage() async throws {
        let r = await InProcess.run(["report", "--repo", Self.fixture, "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        let expected = try String(contentsOfFile: InProcess.fixtures + "/report-mission.expected.md", encoding: .utf8)
        #expect(r.stdout == expected)
    }

    @Test func theOutputsFileNameChoosesTheFormatAndLinksLeadBackToTheRepository() async throws {
        let out = try InProcess.folder([:])
        defer { try? FileManager.default.removeItem(atPath: out) }
        try FileManager.default.createDirectory(atPath: out + "/site/reports", withIntermediateDirectories: true)
        let md = await InProcess.run(["report", "--repo", Self.fixture, "-o", out + "/r.md"])
        #expect(md.status == 0 && md.stdout.isEmpty)
        #expect(try String(contentsOfFile: out + "/r.md", encoding: .utf8).hasPrefix("# Mission report: report-mission"))
        // A new file gets 0666 less the umask, as open(2) would give it (not mkstemp's 0600).
        let mask = umask(0o022)
        umask(mask)
        let mode = try FileManager.default.attributesOfItem(atPath: out + "/r.md")[.posixPermissions] as? Int
        #expect(mode == Int(0o666 & ~mask))

        let html = await InProcess.run(["report", "--repo", Self.fixture, "-o", out + "/site/reports/index.html"])
        #expect(html.status == 0, "\(html.stderr)")
        let page = try String(contentsOfFile: out + "/site/reports/index.html", encoding: .utf8)
        #expect(page.hasPrefix("<!doctype html>"))
        // Every file link, resolved from the page's folder, names a file of the repository.
        let base = URL(fileURLWithPath: out + "/site/reports/")
        var checked = 0
        for part in page.components(separatedBy: "href=\"").dropFirst() {
            let href = String(part.prefix { $0 != "\"" })
            guard !href.hasPrefix("#"), !href.hasPrefix("http") else { continue }
            let path = URL(fileURLWithPath: href.removingPercentEncoding ?? href, relativeTo: base).standardizedFileURL.path
            #expect(FileManager.default.fileExists(atPath: path), "\(href) → \(path)")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func aLinkBaseGivesHostedLinksWithLineAnchors() async {
        let r = await InProcess.run(["report", "--repo", Self.fixture, "--link-base", "https://github.com/o/r/blob/abc/"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("href=\"https://github.com/o/r/blob/abc/.factory/validation-contract.md#L5\""))
        let md = await InProcess.run(["report", "--repo", Self.fixture, "--format", "markdown", "--link-base", "https://x/"])
        #expect(md.stdout.contains("[`VAL-TIMER-001`](https://x/.factory/validation-contract.md#L5)"))
    }

    @Test(arguments: ["javascript:alert(1)//", "JavaScript:alert(1)", "data:text/html,<b>x</b>/", "vbscript:x/", "file:///etc/", " javascript:x"])
    func aLinkBaseWithAnotherSchemeIsRefused(base: String) async {
        let r = await InProcess.run(["report", "--repo", Self.fixture, "--link-base", base])
        #expect(r.status == 2, "\(base): \(r.stderr)")
        #expect(r.stderr.contains("--link-base"))
        #expect(!r.stdout.contains("<html"))
    }

    @Test(arguments: ["https://github.com/o/r/blob/abc/", "HTTP://host/x/", "../repo/", "docs/", "./"])
    func httpAndRelativeLinkBasesAreAccepted(base: String) {
        #expect(ReportLinkBase.refusal(base) == nil)
    }

    @Test func findingsDoNotChangeTheExitCodeButMissingInputDoes() async throws {
        let empty = try InProcess.folder(["README.md": "# nothing\n"])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let none = await InProcess.run(["report", "--repo", empty])
        #expect(none.status == 2 && none.stderr.contains("nothing to report in"))
        let badFormat = await InProcess.run(["report", "--repo", Self.fixture, "--format", "pdf"])
        #expect(badFormat.status == 2 && badFormat.stderr.contains("html"))
        let noFolder = await InProcess.run(["report", "--repo", Self.fixture, "-o", empty + "/no/such/dir/r.html"])
        #expect(noFolder.status == 2 && noFolder.stderr.contains("--output"))
    }

    @Test func helpTeachesTheFormatsAndTheFilterAddress() async {
        let r = await InProcess.run(["report", "--help"])
        #expect(r.status == 0)
        for text in ["GITHUB_STEP_SUMMARY", "#q=", "--link-base", "self-contained"] { #expect(r.stdout.contains(text), "\(text)") }
    }
}
