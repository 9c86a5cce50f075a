import MissionSystem

/// The few git queries handoff verification needs, each one `git` process with an argument array.
public struct GitRepository: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public struct FileChange: Sendable, Hashable {
        /// A (added), M (modified), D (deleted), R (renamed), C (copied), T (type change).
        public var kind: Character
        public var path: String
        /// The old path of a rename or copy.
        public var oldPath: String?
    }

    /// git's path, looked up once per process.
    static let gitPath: String = ProcessRunner.which("git") ?? "/usr/bin/git"

    /// Settings that keep git from running anything the repository's own `.git/config` names
    /// (the file cannot be dropped: it holds the object format and worktree settings). Command-line
    /// settings win over every configuration file, `include`d ones too.
    static let hardening = [
        "-c", "core.quotePath=false", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null",
        "-c", "core.pager=cat", "-c", "log.showSignature=false", "-c", "gpg.program=false", "-c", "gpg.ssh.program=false",
        "-c", "gpg.x509.program=false", "-c", "credential.helper=", "-c", "core.askPass=", "-c", "core.sshCommand=false",
        "-c", "protocol.allow=never", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false",
    ]

    /// The environment of every git call: no prompts, no pager, no replace objects (a replace ref
    /// must not change which commit is verified), no optional index writes, no external diff.
    static let environment: [String: String] = {
        var env = ProcessInfo.processInfo.environment.filter { key, _ in
            !["GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_ASKPASS", "SSH_ASKPASS", "GIT_SSH", "GIT_SSH_COMMAND", "GIT_DIR",
              "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG",
              "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT"].contains(key) && !key.hasPrefix("GIT_CONFIG_KEY_") && !key.hasPrefix("GIT_CONFIG_VALUE_")
        }
        env["GIT_TERMINAL_PROMPT"] = "0"
        env["GIT_NO_REPLACE_OBJECTS"] = "1"
        env["GIT_OPTIONAL_LOCKS"] = "0"
        env["GIT_PAGER"] = "cat"
        return env
    }()

    /// Runs git through the one hardened runner: every git call missionctl makes goes here.
    func git(_ args: [String]) throws(MissionError) -> ProcessRunner.Output {
        try ProcessRunner.run(Self.gitPath, ["-C", root] + Self.hardening + args, environment: Self.environment)
    }

    /// A commit's identity and what it changed against its first parent (the empty tree for a
    /// root commit), renames followed.
    public struct CommitChanges: Sendable {
        public var id: String
        public var parents: [String]
        public var subject: String
        public var changes: [FileChange]
    }

    /// Resolves `rev` and lists its changes with one `git diff-tree` (nil when it does not
    /// resolve). Throws when `root` is not a git repository, so that is a usage error.
    public func commitChanges(_ rev: String) throws(MissionError) -> CommitChanges? {
        guard !rev.hasPrefix("-") else { return nil }  // never let a claimed id act as an option
        // --always: an empty commit (`git commit --allow-empty`) is a commit with no changes, not "not found".
        let out = try git([
            "diff-tree", "-r", "-M", "--root", "--always", "--diff-merges=first-parent", "--no-color", "--no-ext-diff", "--no-textconv", "-z",
            "--format=%H%x00%P%x00%s", "--end-of-options", rev + "^{commit}",
        ])
        guard out.status == 0 else {
            if out.stderr.contains("not a git repository") {
                throw MissionError("\(root) is not a git repository (pass --repo DIR)")
            }
            return nil
        }
        // "H\0P\0S\0\n" then ":meta\0path\0" entries (":meta\0old\0new\0" for renames and copies).
        let fields = out.stdout.split(separator: 0, omittingEmptySubsequences: false)
        guard fields.count >= 3 else { return nil }
        var result = CommitChanges(
            id: String(decoding: fields[0], as: UTF8.self),
            parents: String(decoding: fields[1], as: UTF8.self).split(separator: " ").map(String.init),
            subject: String(decoding: fields[2], as: UTF8.self), changes: [])
        var i = 3
        while i < fields.count {
            var meta = fields[i]
            while let f = meta.first, f == UInt8(ascii: "\n") { meta = meta.dropFirst() }
            guard meta.first == UInt8(ascii: ":"), let kindByte = meta.split(separator: UInt8(ascii: " ")).last?.first else {
                i += 1
                continue
            }
            let kind = Character(Unicode.Scalar(kindByte))
            if (kind == "R" || kind == "C"), i + 2 < fields.count {
                result.changes.append(
                    FileChange(
                        kind: kind, path: String(decoding: fields[i + 2], as: UTF8.self),
                        oldPath: String(decoding: fields[i + 1], as: UTF8.self)))
                i += 3
            } else if i + 1 < fields.count {
                result.changes.append(FileChange(kind: kind, path: String(decoding: fields[i + 1], as: UTF8.self), oldPath: nil))
                i += 2
            } else {
                break
            }
        }
        return result
    }

    /// Why `rev` is not one commit name (`HEAD~2..HEAD`, `a b`, `main^@`), or nil when it is.
    public static func notASingleCommit(_ rev: String) -> String? {
        if rev.contains("..") { return "`\(rev)` is a range; a handoff names one commit" }
        if rev.contains(where: { $0.isWhitespace }) { return "`\(rev)` holds white space; a handoff names one commit" }
        if rev.hasSuffix("^@") || rev.hasSuffix("^!") || rev.hasSuffix("^-") || rev.contains("^-") {
            return "`\(rev)` names several commits; a handoff names one commit"
        }
        return nil
    }

    /// Whether `commit` (a full id) is a boundary of a shallow clone: its parents are not in this
    /// clone, so its diff against "no parent" would show every file as added.
    public func isShallowBoundary(_ commit: String) throws(MissionError) -> Bool {
        let out = try git(["rev-parse", "--git-path", "shallow"])
        guard out.status == 0 else { return false }
        var path = String(decoding: out.stdout, as: UTF8.self).trimming(" \n")
        if !path.hasPrefix("/") { path = root + "/" + path }
        guard let bytes = try? FileSystem.readBytes(path) else { return false }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { $0 == commit }
    }

    /// The newest commit that added `path` (repo-relative), or nil when git knows none.
    public func commitAdding(_ path: String) throws(MissionError) -> String? {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), path != "<stdin>" else { return nil }
        let out = try git(["log", "--no-show-signature", "--no-ext-diff", "--no-textconv", "--diff-filter=A", "--format=%H", "-n", "1", "--", ":(literal)" + path])
        guard out.status == 0 else { return nil }
        let id = String(decoding: out.stdout, as: UTF8.self).trimming(" \n")
        return id.isEmpty ? nil : id
    }

    /// The lines `rev` added (against its first parent), per new path, limited to `pathspecs`
    /// (git pathspecs such as `:(literal)docs/a.md` or `:(glob)internal/**/*_test.go`).
    public func addedLines(_ rev: String, pathspecs: [String]) throws(MissionError) -> [String: [(line: Int, text: String)]] {
        guard !pathspecs.isEmpty, !rev.hasPrefix("-") else { return [:] }
        let out = try git(
            ["show", "--no-show-signature", "-U0", "--format=", "--no-color", "--no-ext-diff", "--no-textconv", "-M", "--diff-merges=first-parent",
             "--end-of-options", rev + "^{commit}", "--"] + pathspecs)
        guard out.status == 0 else { throw MissionError("git show failed: \(out.stderr)") }
        var result: [String: [(Int, String)]] = [:]
        var current: String?
        var next = 0
        // Lines left in the current hunk, counted from its header: inside a hunk an added line
        // that reads `++ x` is content, never a file header.
        var newLeft = 0
        var oldLeft = 0
        for raw in out.stdout.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if newLeft > 0 || oldLeft > 0 {
                switch raw.first {
                case UInt8(ascii: "+"):
                    if let current { result[current, default: []].append((next, String(decoding: raw.dropFirst(), as: UTF8.self))) }
                    next += 1
                    newLeft -= 1
                    continue
                case UInt8(ascii: "-"):
                    oldLeft -= 1
                    continue
                case UInt8(ascii: " "):
                    next += 1
                    newLeft -= 1
                    oldLeft -= 1
                    continue
                case UInt8(ascii: "\\"):  // "\ No newline at end of file"
                    continue
                default:
                    newLeft = 0
                    oldLeft = 0
                }
            }
            if raw.starts(with: "+++ ".utf8) {
                let target = Self.unquote(String(decoding: raw.dropFirst(4), as: UTF8.self))
                current = target == "/dev/null" ? nil : (target.hasPrefix("b/") ? String(target.dropFirst(2)) : target)
            } else if raw.starts(with: "@@ ".utf8) {
                // "@@ -a,b +c,d @@": the hunk holds b old and d new lines (1 when the count is left out).
                let parts = raw.split(separator: UInt8(ascii: " "))
                func range(_ sign: UInt8) -> (start: Int, count: Int) {
                    guard let field = parts.first(where: { $0.first == sign }) else { return (0, 0) }
                    let numbers = field.dropFirst().split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
                        .map { Int(String(decoding: $0, as: UTF8.self)) ?? 0 }
                    return (numbers.first ?? 0, numbers.count > 1 ? numbers[1] : 1)
                }
                let old = range(UInt8(ascii: "-"))
                let new = range(UInt8(ascii: "+"))
                next = new.start
                newLeft = new.count
                oldLeft = old.count
            } else if raw.starts(with: "diff ".utf8) {
                current = nil
            }
        }
        return result
    }

    /// Undoes git's C-style quoting of unusual paths (`"a\tb"` → a<TAB>b).
    public static func unquote(_ s: String) -> String {
        guard s.count >= 2, s.hasPrefix("\""), s.hasSuffix("\"") else { return s }
        var bytes: [UInt8] = []
        var it = Array(s.utf8.dropFirst().dropLast())[...]
        while let b = it.popFirst() {
            guard b == UInt8(ascii: "\\"), let e = it.popFirst() else {
                bytes.append(b)
                continue
            }
            switch e {
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "a"): bytes.append(0x07)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "v"): bytes.append(0x0B)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = Int(e - 48)
                for _ in 0..<2 {
                    if let d = it.first, (48...55).contains(d) {
                        value = value * 8 + Int(d - 48)
                        it.removeFirst()
                    }
                }
                bytes.append(UInt8(value & 0xFF))
            default: bytes.append(e)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether this repository is a shallow clone (some history is missing).
    public func isShallow() throws(MissionError) -> Bool {
        let out = try git(["rev-parse", "--is-shallow-repository"])
        return out.status == 0 && out.stdoutText.hasPrefix("true")
    }

    /// When each file under `folders` last changed: the committer time (seconds since 1970) of
    /// the newest commit touching it, in one `git log`. Empty without history, and in a shallow
    /// clone, whose boundary commit would date every older file alike.
    public func lastChangeTimes(under folders: [String]) throws(MissionError) -> [String: Int] {
        guard !folders.isEmpty, try !isShallow() else { return [:] }
        let out = try git(
            ["log", "--no-show-signature", "--no-renames", "--format=%x00%ct", "--name-only", "HEAD", "--"] + folders.map { ":(literal)" + $0 })
        guard out.status == 0 else { return [:] }
        var times: [String: Int] = [:]
        var current = 0
        for line in out.stdout.split(separator: UInt8(ascii: "\n")) {
            if line.first == 0 {
                current = Int(String(decoding: line.dropFirst(), as: UTF8.self)) ?? 0
            } else {
                let path = Self.unquote(String(decoding: line, as: UTF8.self))
                if times[path] == nil { times[path] = current }
            }
        }
        return times
    }

    /// Every commit reachable from HEAD with its subject, newest first (empty without history).
    public func subjects() throws(MissionError) -> [(id: String, subject: String)] {
        let out = try git(["log", "--no-show-signature", "--format=%H%x00%s", "HEAD", "--"])
        guard out.status == 0 else { return [] }
        return out.stdout.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let zero = line.firstIndex(of: 0) else { return nil }
            return (String(decoding: line[..<zero], as: UTF8.self), String(decoding: line[(zero + 1)...], as: UTF8.self))
        }
    }

    /// Which of `paths` (files or folders, repo-relative) exist in `commit`'s tree, asked in one
    /// `git ls-tree` call.
    public func existing(_ paths: [String], at commit: String) throws(MissionError) -> Set<String> {
        guard !paths.isEmpty, !commit.hasPrefix("-") else { return [] }
        // Recursive: without -r, ls-tree lists a folder's children or only itself depending on
        // the other paths asked; a folder exists when some file lies under it.
        let trimmed = { (p: String) in p.hasSuffix("/") ? String(p.dropLast()) : p }
        let out = try git(["ls-tree", "-r", "-z", "--name-only", "--full-name", commit, "--"] + Set(paths.map(trimmed)).sorted())
        guard out.status == 0 else { return [] }
        var listed: Set<String> = []
        for entry in out.stdout.split(separator: 0) {
            var path = String(decoding: entry, as: UTF8.self)
            while listed.insert(path).inserted, let slash = path.lastIndex(of: "/") { path = String(path[..<slash]) }
        }
        return Set(paths.filter { listed.contains(trimmed($0)) })
    }

    /// A file's content at a commit, or nil when it does not exist there.
    public func show(_ commit: String, path: String) throws(MissionError) -> [UInt8]? {
        let out = try git(["show", "--no-textconv", "--no-ext-diff", "\(commit):\(path)"])
        return out.status == 0 ? out.stdout : nil
    }
}
