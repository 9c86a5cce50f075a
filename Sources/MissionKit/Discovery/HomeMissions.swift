import MissionSystem

/// The missions Factory keeps in the home folder, `$HOME/.factory/missions/<id>/`, each linked to
/// the repository it works in by `working_directory.txt` (else `state.json`'s `workingDirectory`).
public struct HomeMissions: Sendable {
    /// One mission folder at home.
    public struct Entry: Sendable, Hashable {
        /// The folder (absolute, as listed under the home folder).
        public var dir: String
        /// The folder's name: the session's uuid.
        public var id: String
        public var state: MissionState?
        /// The working directory it names, as written.
        public var workingDirectory: String?

        /// `~/.factory/missions/<id>`: how findings and listings show it, the same on every machine.
        public var shown: String { "~/.factory/missions/" + id }

        /// Whether `name` is this mission's folder name or its `missionId`.
        public func isNamed(_ name: String) -> Bool { name == id || (state?.missionId == name && !name.isEmpty) }
    }

    /// `$HOME/.factory/missions`, or nil without a home folder.
    public var root: String?
    /// Every mission folder there, by folder name.
    public var entries: [Entry]

    /// The home folder's missions; none when `home` is nil or empty or holds no missions folder.
    public init(home: String?) {
        guard let home, !home.isEmpty else {
            root = nil
            entries = []
            return
        }
        let root = (home.hasSuffix("/") ? String(home.dropLast()) : home) + "/.factory/missions"
        self.root = root
        let names = ((try? FileManagerShim.contents(of: root)) ?? []).sorted()
        entries = names.compactMap { name in
            let dir = root + "/" + name
            guard !name.hasPrefix("."), FileSystem.isDirectory(dir) else { return nil }
            let state = MissionState.load(missionDir: dir)
            return Entry(dir: dir, id: name, state: state, workingDirectory: Self.workingDirectory(dir) ?? state?.workingDirectory)
        }
    }

    /// The first line of `working_directory.txt`, trimmed.
    static func workingDirectory(_ dir: String) -> String? {
        let path = dir + "/working_directory.txt"
        guard FileSystem.isRegularFile(path), let bytes = try? FileSystem.readBytes(path, limit: 64 * 1024) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: \.isNewline).first.map { String($0).trimming(" \t") } ?? ""
        return line.isEmpty ? nil : line
    }

    /// The missions whose working directory is `repo` or a folder inside it, compared as real
    /// paths (a symlinked checkout and its target are one repository).
    public func belonging(to repo: String) -> [Entry] {
        guard !entries.isEmpty, let realRepo = FileSystem.realPath(repo) else { return [] }
        return entries.filter { entry in
            guard let named = entry.workingDirectory, named.hasPrefix("/") else { return false }
            let real = FileSystem.realPath(named) ?? FileSystem.absolute(named)
            return real == realRepo || real.hasPrefix(realRepo == "/" ? "/" : realRepo + "/")
        }
    }

    /// The mission called `name` (folder name or `missionId`).
    public func named(_ name: String) -> Entry? { entries.first { $0.isNamed(name) } }

    /// The entry whose folder is `dir` once symlinks are resolved.
    public func entry(resolving dir: String) -> Entry? {
        guard let real = FileSystem.realPath(dir) else { return nil }
        return entries.first { FileSystem.realPath($0.dir) == real }
    }
}
