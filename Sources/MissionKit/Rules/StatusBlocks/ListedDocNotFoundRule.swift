import MissionSystem

/// A closed-set path that does not exist, or a glob that matches nothing. Entries under one
/// missing folder are one finding: the folder is what is missing.
public struct ListedDocNotFoundRule: Rule {
    public static let descriptor = RuleDescriptor(
        id: "listed-doc-not-found", severity: .error,
        summary: "A path listed in the closed set does not exist, or a glob matches nothing.")
    public init() {}

    public func check(_ context: CheckContext) -> [Finding] {
        let root = context.mission.repoRoot
        var groups = OccurrenceGroups<String>()
        var single: [SourceDocSet.Entry] = []
        var byFolder: [String: [SourceDocSet.Entry]] = [:]
        for entry in context.unmatchedEntries {
            if let folder = Self.missingFolder(entry.pattern, root: root) {
                groups.add(folder, at: entry.location, subject: entry.pattern)
                byFolder[folder, default: []].append(entry)
            } else {
                single.append(entry)
            }
        }
        var out: [Finding] = []
        for group in groups.groups {
            if group.subjects.count == 1, let entry = byFolder[group.key]?.first {
                single.append(entry)
                continue
            }
            out.append(
                descriptor.finding(
                    context.agentsFile, group.first,
                    message: "\(group.subjects.count) listed source docs are under `\(group.key)/`, which does not exist",
                    hint: "Commit the folder, fix its path, or remove its items (paths are relative to the repository root)."))
        }
        // One listing and one index per folder, however many of its paths are missing.
        var indexes: [String: NameIndex] = [:]
        for entry in single {
            if !entry.isGlob, let held = Self.emptyFolder(entry.path, root: root) {
                out.append(
                    descriptor.finding(
                        context.agentsFile, entry.location, message: "the folder `\(entry.pattern)` is listed but holds no Markdown file (\(held))",
                        hint: "Add its docs, list the files you meant, or remove the item."))
                continue
            }
            let meant = entry.isGlob ? nil : Self.nearestSibling(entry.pattern, root: root, indexes: &indexes)
            out.append(
                descriptor.finding(
                    context.agentsFile, entry.location,
                    message: entry.isGlob
                        ? "the glob `\(entry.pattern)` matches no file in the repository"
                        : "`\(entry.pattern)` is listed as a source doc but does not exist" + (meant.map { " (did you mean `\($0)`?)" } ?? ""),
                    hint: "Paths are relative to the repository root (\(root)); fix the path or remove the item."))
        }
        return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
    }

    /// The file beside a missing path whose name is closest to it (`exports.md` → `export.md`).
    static func nearestSibling(_ path: String, root: String, indexes: inout [String: NameIndex]) -> String? {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = String(path.split(separator: "/").last ?? "")
        let index: NameIndex
        if let known = indexes[folder] {
            index = known
        } else {
            let names = (try? FileManagerShim.contents(of: folder.isEmpty ? root : root + "/" + folder)) ?? []
            index = NameIndex(names.filter { !$0.hasPrefix(".") })
            indexes[folder] = index
        }
        guard let match = index.closest(to: name) else { return nil }
        return folder.isEmpty ? match : folder + "/" + match
    }

    /// What a listed folder holds when it holds no Markdown file the walk reads, or nil when
    /// `listed` is no folder.
    static func emptyFolder(_ listed: String, root: String) -> String? {
        let path = root + "/" + listed
        guard FileSystem.isDirectory(path) else { return nil }
        if FileSystem.exists(path + "/.git") || FileSystem.isDirectory(path + "/.factory") {
            return "it is a nested project, with its own .git or .factory, which is not read"
        }
        let names = FileSystem.walk(path)
        return names.isEmpty ? "it is empty" : "\(names.count) file(s), none of them Markdown"
    }

    /// The shallowest missing folder of `pattern` (never the file itself), or nil when its folder exists.
    static func missingFolder(_ pattern: String, root: String) -> String? {
        let parts = pattern.split(separator: "/").map(String.init)
        guard parts.count > 1 else { return nil }
        var path = ""
        for part in parts.dropLast() {
            if Glob.isPattern(part) { return nil }
            path += path.isEmpty ? part : "/" + part
            if !FileSystem.isDirectory(root + "/" + path) { return path }
        }
        return nil
    }
}

extension ListedDocNotFoundRule {
    public static var examples: [RuleExample] {
        [.reports(RuleExample.closedSet), .doc(RuleExample.block(), reports: false)]
    }
}
