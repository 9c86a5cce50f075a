import MissionSystem

/// Foundation's directory listing behind one name, so the rest of the code need not import it.
enum FileManagerShim {
    static func contents(of dir: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir)
    }
}
