import ArgumentParser
import MissionSystem
import MissionKit

/// `--repo`: the repository every command works on. Defined once; every command takes it.
struct RepoOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The repository root (default: the git top level of the working directory). Relative paths given with it (--mission, docs) are read from it.",
            valueName: "dir"))
    var repo: String?

    /// The repository root: `--repo`, validated, or the git top level of the working directory.
    func root() throws -> String {
        if let repo {
            let path = FileSystem.absolute(repo)
            guard FileSystem.isDirectory(path) else { throw MissionError("--repo \(repo): no such folder (tried \(path))") }
            return path
        }
        return MissionLocator.repositoryRoot(from: FileManager.default.currentDirectoryPath)
    }

    /// Where relative paths on the command line start: the repository when `--repo` is given,
    /// else the working directory.
    func pathBase(root: String) -> String {
        repo == nil ? FileSystem.absolute(FileManager.default.currentDirectoryPath) : root
    }
}
