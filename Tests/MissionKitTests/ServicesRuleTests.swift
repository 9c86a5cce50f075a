import Foundation
import MissionKit
import Testing

@Suite struct ServicesRuleTests {
    func check(_ yaml: String) throws -> DiagnosticsReport {
        var files = Fixture.valid
        files[".factory/services.yaml"] = yaml
        return try TempRepo(files).check()
    }

    let clean = Fixture.valid[".factory/services.yaml"]!

    @Test(arguments: [
        ("syntax", "commands:\n  test: [unclosed\n", 3),
        ("top level list", "- a\n- b\n", 1),
        ("command is a list", "commands:\n  test:\n    - swift test\n", 3),
        ("port text", "services:\n  api:\n    start: x\n    port: eighty\n", 4),
        // Every command as a mapping is one cause: one finding, at the first.
        ("commands as mappings", "commands:\n  test:\n    command: swift test\n  lint:\n    command: swiftlint\n  build:\n    cmd: swift build\n", 3),
    ])
    func invalidServicesFile(name: String, yaml: String, line: Int) throws {
        let found = try check(yaml).findings("invalid-services-file")
        #expect(found.count == 1, "\(name): \(found)")
        #expect(found.first?.line == line, "\(name): \(found.first?.message ?? "")")
        #expect(found.first?.column ?? 0 >= 1)
        if name == "commands as mappings" {
            #expect(found.first?.message.contains("3 commands are not one shell line") == true)
            #expect(found.first?.message.contains("write `test: swift test`") == true)
        }
    }

    @Test(arguments: [
        "commands:\n  test: go test ./...\nservices: {}\n",
        "commands:\n  test: go test ./...\n",
        " commands:\n   test: go test ./...\n services:\n   db:\n     start: pg_isready -p 5432\n     port: null\n     env_file: .env\n     build: .\n",
    ])
    func realWorldAnomaliesParse(yaml: String) throws {
        #expect(try check(yaml).findings("invalid-services-file").isEmpty)
    }

    @Test func unknownDependency() throws {
        let found = try check(clean.replacingOccurrences(of: "depends_on: []", with: "depends_on: [postgres]")).findings("unknown-dependency")
        #expect(found.count == 1 && found[0].line == 9)
        #expect(try check(clean).findings("unknown-dependency").isEmpty)
    }

    @Test func dependencyCycleNamesTheCycle() throws {
        let yaml = """
            commands:
              test: t
            services:
              a: {start: a 1, port: 1, depends_on: [b]}
              b: {start: b 2, port: 2, depends_on: [c]}
              c: {start: c 3, port: 3, depends_on: [a]}
              d: {start: d 4, port: 4, depends_on: [a]}
            """
        let found = try check(yaml).findings("dependency-cycle")
        #expect(found.map(\.message) == ["dependency cycle: a → b → c → a"])
        #expect(try check(clean).findings("dependency-cycle").isEmpty)
    }

    @Test func duplicatePort() throws {
        let yaml = clean + "\n  worker:\n    start: run 8080\n    port: 8080\n"
        #expect(try check(yaml).findings("duplicate-port").count == 1)
        #expect(try check(clean).findings("duplicate-port").isEmpty)
    }

    @Test func portNotInCommand() throws {
        let yaml = "commands:\n  test: t\nservices:\n  api:\n    start: ./api\n    healthcheck: curl -sf http://127.0.0.1:18080/\n    port: 8080\n"
        #expect(try check(yaml).findings("port-not-in-command").count == 1)
        #expect(try check(clean).findings("port-not-in-command").isEmpty)
    }

    @Test(arguments: [
        ("echo \"not implemented\"", true), ("true", true), ("curl -sf x:1 || true", true), ("pg_isready -p 1 || echo ok", true),
        ("curl -sf http://127.0.0.1:8080/readyz", false), ("pg_isready -h 127.0.0.1 -p 5432", false),
        ("test -f x && echo ok", false),
    ])
    func trivialHealthcheck(command: String, trivial: Bool) {
        #expect((TrivialHealthcheckRule.trivialReason(command) != nil) == trivial, "\(command)")
    }

    @Test func trivialHealthcheckIsReportedAtItsLine() throws {
        let found = try check(clean.replacingOccurrences(of: "curl -sf http://127.0.0.1:8080/readyz", with: "curl -sf http://127.0.0.1:8080/readyz || true")).findings("trivial-healthcheck")
        #expect(found.first?.line == 7)
    }

    @Test func missingTestCommand() throws {
        #expect(try check("commands:\n  install: npm ci\n").findings("missing-test-command").count == 1)
        #expect(try check(clean).findings("missing-test-command").isEmpty)
    }
}
