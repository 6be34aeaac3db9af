import Foundation
import NotesGit

/// Who named a path: that decides where the path may lead (docs/reliability.md, "Trust model").
public enum PathOrigin: Sendable, Equatable {
    /// The repository named it: a default file name, notes.toml (`[files]`, `[templates]`, a package's
    /// files), a template folder, a version file, a Cargo workspace root, `.mailmap`. Untrusted: it must
    /// lead, symbolic links followed, to a place inside the work tree and outside the git folder.
    case repository
    /// The person running notes named it on the command line (`--output`, `--file`, `--config`,
    /// `--template`). A path outside the work tree goes where it points (`--output $RUNNER_TEMP/notes.md`,
    /// `--output /dev/stdout`); a path inside the work tree is held to the repository's rule, because the
    /// links it passes through are the repository's.
    case commandLine
    /// The environment named it (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`): the runner's files, outside the
    /// work tree; only the git folder is out of bounds. The associated value is the variable's name.
    case environment(String)
}

/// The rules a path is held to: the repository's boundary and who named the path. Every file notes reads
/// for the repository or writes goes through ``WorkTreeBoundary`` with one of these.
public struct PathScope: Sendable {
    /// The work tree and git folders of the repository notes runs on.
    public var boundary: WorkTreeBoundary
    /// Who named the path.
    public var origin: PathOrigin

    /// Makes a scope.
    public init(_ boundary: WorkTreeBoundary, _ origin: PathOrigin) {
        self.boundary = boundary
        self.origin = origin
    }
}

/// Where notes may write and what it may read: the one decision behind every file notes opens.
///
/// - **Writes** (CHANGELOG.md, README.md, `.agent/todo.md`, version and lock files, `notes.toml` and
///   templates from `init`, `--output`): the path is resolved component by component, every symbolic link
///   followed, and must end inside the work tree and outside the git folder (the repository's git dir and
///   common dir, and any path component named `.git`). A path named on the command line or by the
///   environment that lies outside the work tree goes where it points, never into the git folder. A
///   violation is a file error (exit 8); nothing is written.
/// - **Reads** of files the repository names (notes.toml, templates, `.mailmap`, version files, a Cargo
///   workspace root) follow the same rule, and the file must be a regular file: notes reads nothing
///   outside the work tree unless the person running it named the file on the command line.
/// - **Opening** never blocks: files are opened with `O_NONBLOCK` and checked with `fstat` before a byte
///   moves, so a FIFO without a reader is an error, not a hang.
///
/// A bare repository has no work tree: the repository's paths have nowhere to go (exit 3).
public struct WorkTreeBoundary: Sendable, Hashable {
    /// The work tree's root, symbolic links resolved; nil for a bare repository.
    public let workTree: String?
    /// The work tree's root as the repository reported it (it may differ from ``workTree`` by links).
    public let workTreeAsGiven: String?
    /// The git folders, resolved: the repository's git dir and, for a linked worktree, the common dir.
    public let gitFolders: [String]

    /// The boundary of a repository with the work tree `workTree` (nil: bare) and the git folders `gitDir`
    /// and `commonDir`.
    public init(workTree: String?, gitDir: String, commonDir: String? = nil) {
        workTreeAsGiven = workTree.map(Self.trimmed)
        self.workTree = workTree.map { Self.realPath($0) ?? Self.normalized($0) }
        var folders: [String] = []
        for folder in [gitDir, commonDir].compactMap({ $0 }) {
            let resolved = Self.realPath(folder) ?? Self.normalized(folder)
            if !folders.contains(resolved) { folders.append(resolved) }
        }
        gitFolders = folders
    }

    /// The boundary of a repository whose work tree is `root` and whose git folder is `root/.git` (for
    /// callers that have only a root: tests, configuration checks without a repository).
    public init(root: String) {
        self.init(workTree: root, gitDir: Self.trimmed(root) + "/.git")
    }

    /// The boundary of an open repository.
    public init(repository: Repository) {
        self.init(workTree: repository.workdir, gitDir: repository.gitDir, commonDir: repository.commonDir)
    }

    // MARK: Resolution

    /// What is at the end of a path once every link is followed.
    public enum Kind: Sendable, Equatable {
        /// Nothing: the file would be created.
        case missing
        /// A regular file.
        case regular
        /// A folder.
        case directory
        /// A character device (`/dev/null`, a terminal).
        case characterDevice
        /// A FIFO or a pipe (`/dev/stdout` when stdout is a pipe).
        case fifo
        /// A socket or a block device.
        case other
    }

    /// A path followed to its end.
    public struct Resolution: Sendable, Equatable {
        /// The absolute path with no symbolic link left in it (the part after the first missing component
        /// is lexical). For a kernel "magic" link that leads to no path (`/dev/stdout` on a pipe), the path
        /// as given.
        public var path: String
        /// What is there.
        public var kind: Kind
        /// The symbolic links followed that sit inside the work tree, in order, each with its target.
        public var repositoryLinks: [(link: String, target: String)] = []
        /// A link followed whose target does not exist (the target as the link states it).
        public var dangling: (link: String, target: String)?

        public static func == (lhs: Resolution, rhs: Resolution) -> Bool {
            lhs.path == rhs.path && lhs.kind == rhs.kind
        }
    }

    /// Follows `path` (absolute) component by component, resolving every symbolic link (at most 40).
    /// - Throws: ``NotesError`` `.file` for a loop of links or a file used as a folder.
    public func resolve(_ path: String, display: String) throws -> Resolution {
        var pending = Self.components(path).reversed() as [String]
        var current: [String] = []
        var repositoryLinks: [(link: String, target: String)] = []
        var followed = 0
        var lastLink: (link: String, target: String, remaining: Int)?
        while let component = pending.popLast() {
            if component == "." || component.isEmpty { continue }
            if component == ".." {
                if !current.isEmpty { current.removeLast() }
                continue
            }
            let candidate = "/" + (current + [component]).joined(separator: "/")
            var status = stat()
            guard lstat(candidate, &status) == 0 else {
                let code = errno
                guard code == ENOENT else {
                    throw NotesError(.file, "cannot follow \(display): \(candidate): \(Self.reason(code)); nothing was written",
                                     hint: "check the path and its folders' permissions")
                }
                // The missing component came from the target of the last link followed (its components
                // are still being consumed): that link dangles.
                let fromLink = lastLink.map { pending.count >= $0.remaining } ?? false
                // Nothing exists from here on: the rest is lexical.
                var rest = current + [component]
                while let next = pending.popLast() {
                    if next == "." || next.isEmpty { continue }
                    if next == ".." { if !rest.isEmpty { rest.removeLast() } } else { rest.append(next) }
                }
                var resolution = Resolution(path: "/" + rest.joined(separator: "/"), kind: .missing,
                                            repositoryLinks: repositoryLinks)
                if fromLink, let lastLink { resolution.dangling = (lastLink.link, lastLink.target) }
                return resolution
            }
            switch status.st_mode & S_IFMT {
            case S_IFLNK:
                followed += 1
                guard followed <= 40 else {
                    throw NotesError(.file, "\(display): too many levels of symbolic links (a loop?) at \(candidate); nothing was written",
                                     hint: "fix or remove the link")
                }
                guard let target = Self.readLink(candidate) else {
                    throw NotesError(.file, "cannot read the symbolic link \(candidate) (\(display)); nothing was written",
                                     hint: "check the link and its folder's permissions")
                }
                if isInsideWorkTree(candidate) { repositoryLinks.append((candidate, target)) }
                let targetComponents = Self.components(target)
                if target.hasPrefix("/") { current = [] }
                lastLink = (candidate, target, pending.count)
                pending.append(contentsOf: targetComponents.reversed())
            case S_IFDIR:
                current.append(component)
            default:
                guard pending.allSatisfy({ $0 == "." || $0.isEmpty }) else {
                    throw NotesError(.file, "cannot follow \(display): \(candidate) is a file, not a folder; nothing was written",
                                     hint: "check the path")
                }
                current.append(component)
            }
        }
        let final = "/" + current.joined(separator: "/")
        var status = stat()
        let kind: Kind = stat(final, &status) == 0 ? Self.kind(status.st_mode) : .missing
        return Resolution(path: final, kind: kind, repositoryLinks: repositoryLinks)
    }

    // MARK: Writing

    /// Checks that `path` (absolute) may be written by notes for a path named by `origin`, and says where the
    /// bytes go. `display` names the file in messages.
    /// - Throws: ``NotesError`` `.file` (exit 8) for a path that leads outside the work tree or into the
    ///   git folder, a dangling link, a folder, or (for the repository's paths) anything but a regular file;
    ///   `.repository` (exit 3) for the repository's paths in a bare repository.
    public func writeTarget(_ path: String, origin: PathOrigin, display: String) throws -> Resolution {
        guard !path.isEmpty else {
            throw NotesError(.badInput, "the file path is empty", hint: "give the path of a file")
        }
        let absolute = Self.normalized(path)
        var resolution = try resolve(absolute, display: display)
        if resolution.dangling != nil || resolution.kind == .missing {
            // `/dev/stdout` on a pipe: the kernel's link leads to no path, but the descriptor is there. Only
            // for a path the person running notes (or the runner) named outside the work tree.
            var status = stat()
            if isNamedOutside(absolute, origin: origin, resolution), stat(absolute, &status) == 0 {
                resolution = Resolution(path: absolute, kind: Self.kind(status.st_mode))
            } else if let dangling = resolution.dangling {
                throw NotesError(.file, "\(display) is a symbolic link to \(dangling.target), which does not exist: nothing was written",
                                 hint: "create the link's target first, or replace the link with a file")
            }
        }
        try checkPlace(resolution, requested: absolute, origin: origin, display: display, reading: false)
        switch resolution.kind {
        case .directory:
            throw NotesError(.file, "\(display) is a directory, not a file", hint: "give a file path")
        case .missing, .regular:
            break
        case .characterDevice, .fifo, .other:
            guard origin != .repository else {
                throw NotesError(.file, "\(display) is not a regular file (\(Self.describe(resolution.kind))): notes writes only regular files there; nothing was written",
                                 hint: "remove it, or name another file")
            }
            if resolution.kind == .other {
                throw NotesError(.file, "\(display) is a socket or a block device: nothing was written", hint: "name a file")
            }
        }
        return resolution
    }

    // MARK: Reading

    /// The bytes of `path` (absolute), nil when nothing is there (a dangling link counts as nothing), for a
    /// file named by `origin`. At most `limit` bytes (nil: no limit).
    /// - Parameter failure: the exit code of a refusal (`.configuration` for notes.toml's keys, `.template`
    ///   for the template folder, `.file` otherwise), and `hint` its hint.
    /// - Throws: ``NotesError`` with `failure` for a file that leads outside the work tree or into the git
    ///   folder, is not a regular file (a FIFO, a device, a folder), or exceeds `limit`.
    public func read(_ path: String, origin: PathOrigin, display: String, limit: Int? = nil,
                     failure: NotesError.ExitCode = .file, hint: String? = nil) throws -> [UInt8]? {
        let absolute = Self.normalized(path)
        guard let resolution = try readTarget(absolute, origin: origin, display: display, failure: failure, hint: hint)
        else { return nil }
        return try Self.readBytes(resolution, display: display, limit: limit, failure: failure, hint: hint,
                                  allowSpecial: isNamedOutside(absolute, origin: origin, resolution))
    }

    /// Checks `path` may be read for `origin` and where it leads; nil when nothing is there.
    public func readTarget(_ path: String, origin: PathOrigin, display: String,
                           failure: NotesError.ExitCode = .file, hint: String? = nil) throws -> Resolution? {
        let absolute = Self.normalized(path)
        // A bare repository has no work tree: the files it would name (notes.toml, .mailmap) are not read.
        if origin == .repository && workTree == nil { return nil }
        var resolution: Resolution
        do {
            resolution = try resolve(absolute, display: display)
        } catch let error as NotesError {
            throw NotesError(failure, error.message.replacingOccurrences(of: "; nothing was written", with: ""),
                             hint: hint ?? error.hint)
        }
        var status = stat()
        if resolution.kind == .missing, isNamedOutside(absolute, origin: origin, resolution), resolution.dangling != nil,
           stat(absolute, &status) == 0 {
            resolution = Resolution(path: absolute, kind: Self.kind(status.st_mode))
        }
        // Where a path leads is checked whether or not something is there: a link out of the work tree is
        // refused, not taken for "no such file" (which would tell a repository what exists outside it).
        do {
            try checkPlace(resolution, requested: absolute, origin: origin, display: display, reading: true)
        } catch let error as NotesError {
            throw NotesError(failure, error.message, hint: hint ?? error.hint)
        }
        if resolution.kind == .missing { return nil }
        let special = isNamedOutside(absolute, origin: origin, resolution)
        switch resolution.kind {
        case .regular, .missing:
            return resolution
        case .characterDevice, .fifo where special:
            return resolution
        default:
            throw NotesError(failure, "\(display) is not a regular file (\(Self.describe(resolution.kind))): notes reads only regular files the repository names",
                             hint: hint ?? "replace it with a regular file")
        }
    }

    /// Reads a resolved file without ever blocking on open: `O_NONBLOCK`, then `fstat` checks it is what
    /// was resolved.
    static func readBytes(_ resolution: Resolution, display: String, limit: Int?, failure: NotesError.ExitCode,
                          hint: String?, allowSpecial: Bool) throws -> [UInt8] {
        let descriptor = open(resolution.path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (allowSpecial ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else {
            throw NotesError(failure, "cannot read \(display): \(reason())", hint: hint ?? "check the file's permissions")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw NotesError(failure, "cannot read \(display): \(reason())", hint: hint ?? "check the file's permissions")
        }
        let kind = Self.kind(status.st_mode)
        guard kind == .regular || (allowSpecial && (kind == .fifo || kind == .characterDevice)) else {
            throw NotesError(failure, "\(display) is not a regular file (\(describe(kind))): nothing was read",
                             hint: hint ?? "replace it with a regular file")
        }
        if let limit, kind == .regular, Int(status.st_size) > limit {
            throw NotesError(failure, "\(display) is \(status.st_size) bytes, over the limit of \(limit) bytes for this file",
                             hint: hint ?? "make the file smaller")
        }
        if kind != .regular {
            // Named on the command line: block as a read from a pipe does.
            let flags = fcntl(descriptor, F_GETFL)
            _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw NotesError(failure, "cannot read \(display): \(reason())", hint: hint ?? "check the file")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if let limit, bytes.count > limit {
                throw NotesError(failure, "\(display) is over the limit of \(limit) bytes for this file",
                                 hint: hint ?? "make the file smaller")
            }
        }
        return bytes
    }

    // MARK: The rule

    /// True when `path` was named by the command line or the environment, lies outside the work tree, and
    /// passed through none of the repository's links: the person running notes chose that place.
    func isNamedOutside(_ path: String, origin: PathOrigin, _ resolution: Resolution) -> Bool {
        origin != .repository && !isInsideWorkTree(path) && resolution.repositoryLinks.isEmpty
    }

    /// True when `path` (absolute, resolved or lexical) is the work tree's root or inside it.
    public func isInsideWorkTree(_ path: String) -> Bool {
        for root in [workTree, workTreeAsGiven].compactMap({ $0 }) where Self.isInside(path, root) { return true }
        return false
    }

    /// The git folder `path` (resolved) is in, nil when none: the git dir, the common dir, or a `.git`
    /// component inside the work tree.
    func gitFolder(containing path: String) -> String? {
        if let folder = gitFolders.first(where: { Self.isInside(path, $0) }) { return folder }
        if let root = workTree, Self.isInside(path, root) {
            let relative = Self.components(String(path.dropFirst(root.count)))
            if let index = relative.firstIndex(where: { $0.lowercased() == ".git" }) {
                return root + "/" + relative[...index].joined(separator: "/")
            }
        }
        return nil
    }

    func checkPlace(_ resolution: Resolution, requested: String, origin: PathOrigin, display: String,
                    reading: Bool) throws {
        let verb = reading ? "reads" : "writes"
        let nothing = reading ? "nothing was read" : "nothing was written"
        let resolvesTo = resolution.path == requested ? "" : " (it resolves to \(resolution.path))"
        if let folder = gitFolder(containing: resolution.path) ?? gitFolder(containing: requested) {
            throw NotesError(.file, "\(display) is inside the git folder \(folder)\(resolvesTo): notes never \(verb) files there; \(nothing)",
                             hint: origin == .repository
                                 ? "name a file in the work tree ([files] and [templates] in notes.toml, the package's folder)"
                                 : "name a file in the work tree, outside .git")
        }
        let requestedInside = isInsideWorkTree(requested)
        switch origin {
        case .repository:
            guard let workTree else {
                throw NotesError(.repository, "the repository is bare: it has no work tree for \(display); \(nothing)",
                                 hint: "run notes in a clone with a work tree")
            }
            guard isInsideWorkTree(resolution.path) else {
                throw outsideError(resolution, display: display, workTree: workTree, verb: verb, nothing: nothing,
                                   reading: reading)
            }
        case .commandLine, .environment:
            // Outside the work tree, the person running notes (or the runner) chose the place; inside it, the
            // links followed are the repository's and may not lead out.
            if let workTree, requestedInside || !resolution.repositoryLinks.isEmpty,
               !isInsideWorkTree(resolution.path) {
                throw outsideError(resolution, display: display, workTree: workTree, verb: verb, nothing: nothing,
                                   reading: reading)
            }
        }
    }

    func outsideError(_ resolution: Resolution, display: String, workTree: String, verb: String, nothing: String,
                      reading: Bool) -> NotesError {
        let link = resolution.repositoryLinks.last.map { " through the symbolic link \($0.link) -> \($0.target)" } ?? ""
        return NotesError(
            .file,
            "\(display) resolves to \(resolution.path)\(link), outside the work tree \(workTree): notes \(verb) only files inside it; \(nothing)",
            hint: reading
                ? "replace the link with the file itself, or name a file outside the repository on the command line"
                : "replace the link with a regular file (or remove it), or name a path inside the repository")
    }

    /// `path` relative to the work tree when inside it (as given), else as given: how messages show it.
    public func relativeDisplay(_ path: String) -> String {
        for root in [workTreeAsGiven, workTree].compactMap({ $0 }) where path.hasPrefix(root + "/") {
            return String(path.dropFirst(root.count + 1))
        }
        return path
    }

    // MARK: Helpers

    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    static func kind(_ mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .directory
        case S_IFCHR: return .characterDevice
        case S_IFIFO: return .fifo
        default: return .other
        }
    }

    static func describe(_ kind: Kind) -> String {
        switch kind {
        case .missing: return "missing"
        case .regular: return "a regular file"
        case .directory: return "a folder"
        case .characterDevice: return "a character device"
        case .fifo: return "a FIFO"
        case .other: return "a socket or block device"
        }
    }

    static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }

    /// `path` made absolute (against the current folder) with `.`, `..` and repeated slashes removed
    /// lexically.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var parts: [String] = []
        for part in components(absolute) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else { parts.append(part) }
        }
        return "/" + parts.joined(separator: "/")
    }

    static func isInside(_ path: String, _ root: String) -> Bool {
        root == "/" || path == root || path.hasPrefix(root + "/")
    }
}
