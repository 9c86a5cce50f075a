import MissionSystem
import MissionKit

#if canImport(Glibc)
import Glibc
#endif

/// The companion executable, `missionctl-tracking`: the reference backend and its regression
/// suite, built apart so that `missionctl` links no server stack. `missionctl backend …` and
/// `missionctl regress …` become that executable (git's and cargo's external-subcommand
/// convention): it replaces this process, so arguments, standard streams, signals and the exit
/// code are its own.
public enum Companion {
    public static let executableName = "missionctl-tracking"

    /// The first arguments that belong to the companion.
    public static let commands: Set<String> = ["backend", "regress"]

    /// Where it is looked for: beside the running `missionctl` (symbolic links resolved, so a
    /// linked install finds its unpacked folder), then each PATH entry.
    public static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var list: [String] = []
        if let exe = executablePath {
            list.append(FileSystem.folder(of: exe) + "/" + executableName)
        }
        for dir in (environment["PATH"] ?? "").split(separator: ":", omittingEmptySubsequences: true) {
            list.append(String(dir) + "/" + executableName)
        }
        return list
    }

    /// The running executable, symbolic links resolved.
    static var executablePath: String? {
        #if os(Linux)
        return FileSystem.realPath("/proc/self/exe")
        #else
        var size: UInt32 = 4096
        var buffer = [CChar](repeating: 0, count: Int(size))
        guard _NSGetExecutablePath(&buffer, &size) == 0 else { return nil }
        return FileSystem.realPath(String(cString: buffer))
        #endif
    }

    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        candidates(environment: environment).first { access($0, X_OK) == 0 && FileSystem.isRegularFile($0) }
    }

    /// Replaces this process with the companion running `arguments`; returns only by throwing.
    public static func exec(_ arguments: [String]) throws(MissionError) -> Never {
        guard let path = locate() else {
            throw MissionError(
                """
                `missionctl \(arguments.first ?? "")` is run by the companion executable `\(executableName)`, which is \
                neither beside this missionctl nor on PATH. Install the release archive (it ships both), or build it \
                from the missionctl repository with `swift build -c release --package-path Tracking` and put \
                Tracking/.build/release/\(executableName) on PATH.
                """)
        }
        _ = Console.flushStandardOutput()
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        throw MissionError("cannot run \(path): \(reason)")
    }
}
