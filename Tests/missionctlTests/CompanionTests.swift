import Foundation
import Testing
import MissionTestSupport

/// `missionctl backend …` and `missionctl regress …` become the companion executable
/// (`missionctl-tracking`): arguments, standard streams, signals and the exit code are its own.
@Suite struct CompanionTests {
    /// A folder holding a stand-in `missionctl-tracking` with `script` as its body.
    static func fakeCompanion(_ script: String) throws -> String {
        let dir = NSTemporaryDirectory() + "missionctl-companion-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try Data(("#!/bin/sh\n" + script).utf8).write(to: URL(fileURLWithPath: dir + "/missionctl-tracking"))
        chmod(dir + "/missionctl-tracking", 0o755)
        return dir
    }

    static var path: String { ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin" }

    @Test func argumentsStreamsAndExitCodePassThrough() throws {
        let dir = try Self.fakeCompanion("echo \"args:$*\"; cat; echo 'to stderr' >&2; exit 7\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try binary.run(["regress", "--only", "VAL-X-*", "--help"], environment: ["PATH": dir + ":" + Self.path], stdin: "from stdin\n")
        #expect(r.status == 7)
        #expect(r.stdout == "args:regress --only VAL-X-* --help\nfrom stdin\n")
        #expect(r.stderr == "to stderr\n")
        let backend = try binary.run(["backend", "serve", "--port", "0"], environment: ["PATH": dir + ":" + Self.path])
        #expect(backend.stdout.hasPrefix("args:backend serve --port 0\n"))
    }

    @Test func signalsReachTheCompanion() throws {
        let dir = try Self.fakeCompanion("trap 'echo got-term; exit 42' TERM\necho ready\nwhile :; do sleep 0.05; done\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary.path)
        process.arguments = ["backend", "serve"]
        process.environment = ["PATH": dir + ":" + Self.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let ready = out.fileHandleForReading.readData(ofLength: 6)
        #expect(String(decoding: ready, as: UTF8.self) == "ready\n")
        kill(process.processIdentifier, SIGTERM)  // missionctl's pid: the companion replaced it
        let rest = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(rest.contains("got-term"))
        #expect(process.terminationStatus == 42)
    }

    @Test func anAbsentCompanionSaysHowToGetIt() throws {
        let empty = NSTemporaryDirectory() + "missionctl-nopath-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        let r = try binary.run(["regress"], environment: ["PATH": empty])
        #expect(r.status == 2)
        #expect(r.stderr.contains("missionctl-tracking"))
        #expect(r.stderr.contains("swift build -c release --package-path Tracking"))
    }

    /// The light product links ArgumentParser, libcmark, libyaml and missionctl's own light
    /// modules: never a web server, database driver, HTTP client or TLS stack. Read from the
    /// linker's input list that SwiftPM wrote for the binary.
    @Test func theLightProductLinksNoServerStack() throws {
        let list = URL(fileURLWithPath: binary.path).deletingLastPathComponent().appendingPathComponent("missionctl.product/Objects.LinkFileList").path
        let text = try String(contentsOfFile: list, encoding: .utf8)
        let modules = Set(
            text.split(separator: "\n").compactMap { line -> String? in
                guard let range = line.range(of: #"/([^/]+)\.build/"#, options: .regularExpression) else { return nil }
                return String(line[range].dropFirst().dropLast(7))
            })
        let allowed: Set<String> = [
            "missionctl", "MissionCommands", "MissionKit", "MissionJSON", "MissionSystem", "ServiceRunner", "Validation", "CProcessSupport",
            "ArgumentParser", "ArgumentParserToolInfo",
        ]
        #expect(modules.contains("MissionKit") && modules.contains("ArgumentParser"), "\(modules.sorted())")
        #expect(modules.isSubset(of: allowed), "unexpected modules linked: \(modules.subtracting(allowed).sorted())")
    }

    /// FoundationEssentials only (issue 28): Foundation proper brings CoreFoundation and ICU's
    /// locale data, which made the static binary 58 MB. Read from the dynamic loader's list.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ldd"), "needs ldd (Linux)"))
    func theLightProductLinksNeitherFoundationNorICU() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
        p.arguments = [binary.path]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        let libraries = text.split(separator: "\n").compactMap { $0.split(separator: " ").first.map { String($0.trimmingCharacters(in: .whitespaces)) } }
        #expect(libraries.contains { $0.hasPrefix("libswiftCore") }, "\(text)")
        let heavy = libraries.filter { $0.hasPrefix("libFoundation.") || $0.hasPrefix("libFoundationInternationalization") || $0.contains("ICU") || $0.contains("icu") }
        #expect(heavy.isEmpty, "linked: \(heavy)")
    }
}
