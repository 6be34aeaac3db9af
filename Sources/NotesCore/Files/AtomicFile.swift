import Foundation

/// Writes files the safe way. A reader sees the old bytes or the new ones, never half, and a crash leaves
/// either the old file or the new one (plus, at worst, a temporary file that the next write cleans up).
///
/// - **Regular files** (and new files): the bytes go to a temporary file created exclusively
///   (`O_CREAT|O_EXCL`, mode 0600) in the same folder, which gets the mode (and, when run as root, the
///   owner) of the file it replaces, or `0644 & ~umask` for a new file; it is `fsync`ed, renamed over the
///   file, and the folder is `fsync`ed. Files are never created with execute or world-write bits they did
///   not have.
/// - **Where a path may lead** is ``WorkTreeBoundary``'s decision, made for every write: the repository's
///   paths (configured, default) must end, links followed, inside the work tree and outside the git folder;
///   a path named on the command line or by the environment may lie outside the work tree. Refused: exit 8.
/// - **Symbolic links** are followed (to any depth) and their target is written as above, so the link stays
///   a link and the target keeps its mode. A link whose target does not exist is refused (exit 8): notes
///   does not create files at a place a link points to.
/// - **A FIFO or a character device** named on the command line (`--output /dev/stdout`, also when stdout is
///   a pipe) is written in place, opened with `O_NONBLOCK` (a FIFO nobody reads is an error, not a hang),
///   checked with `fstat`, never renamed over. The repository's paths must be regular files.
/// - Temporary files are named `.NAME.notes-PID-RANDOM.tmp`; ones of that pattern older than an hour in the
///   folder written to are left by killed runs and are removed by the next write there.
public enum AtomicFile {
    /// How old a leftover temporary file must be before a write in its folder removes it.
    public static let staleTemporaryAge: TimeInterval = 3600

    /// Checks, before any work is done, that `path` can be written for a path named as `scope` says: where it
    /// leads is allowed (``WorkTreeBoundary``), its folder exists and it is not a directory.
    public static func checkWritable(_ path: String, scope: PathScope, display: String? = nil) throws {
        _ = try destination(of: path, scope: scope, display: display)
    }

    /// Where a write to `path` goes and how.
    enum Destination {
        /// Replace (or create) the regular file at this path by a rename; `existing` is its status.
        case replace(path: String, existing: stat?)
        /// Write in place: not a regular file (named on the command line or by the environment).
        case inPlace(path: String)
    }

    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Resolves `path` (following symbolic links) through the scope's boundary, which refuses what leads
    /// outside the work tree or into the git folder, and checks it can be written.
    static func destination(of path: String, scope: PathScope, display: String? = nil) throws -> Destination {
        let resolution = try scope.boundary.writeTarget(path, origin: scope.origin, display: display ?? path)
        let target = resolution.path
        switch resolution.kind {
        case .regular, .missing:
            break
        default:
            return .inPlace(path: target)
        }
        var status = stat()
        let folder = (target as NSString).deletingLastPathComponent.isEmpty
            ? "." : (target as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotesError(.file, "cannot write \(path): folder \(folder) does not exist", hint: "create the folder first")
        }
        guard access(folder, W_OK) == 0 else {
            throw NotesError(.file, "cannot write \(path): the folder \(folder) is not writable (\(reason()))",
                             hint: "check the folder's permissions")
        }
        return .replace(path: target, existing: stat(target, &status) == 0 ? status : nil)
    }

    /// Writes `bytes` to `path` (see the type's documentation), named as `scope` says. Errors name the path
    /// (`display`, default `path`) and say what failed. With `expecting`, the file must still hold those
    /// bytes (or not exist) when the write begins and again right before the rename: otherwise nothing is
    /// written (exit 8, "changed while notes was working on it").
    public static func write(_ bytes: [UInt8], to path: String, scope: PathScope, display: String? = nil,
                             expecting: Expected? = nil) throws {
        let prepared = try prepare(bytes, to: path, scope: scope, display: display, expecting: expecting)
        try prepared.commit()
    }

    /// Prepares a write of `bytes` to `path` without changing it: the new bytes are in a temporary file in
    /// the same folder, written and `fsync`ed. ``Prepared/commit(keepingOriginal:)`` puts it in place;
    /// ``Prepared/discard()`` removes it. A full disk fails here, while every file is as it was.
    public static func prepare(_ bytes: [UInt8], to path: String, scope: PathScope, display: String? = nil,
                               expecting: Expected? = nil) throws -> Prepared {
        let shown: String? = display
        switch try destination(of: path, scope: scope, display: display) {
        case .inPlace(let target):
            return Prepared(shown: shown ?? path, target: target, temporary: nil, bytes: bytes, expected: nil, snapshot: nil,
                            mode: 0)
        case .replace(let target, let existing):
            let snapshot = try check(target, holds: expecting, shown: shown ?? path)
            return try prepareReplacement(target, with: bytes, existing: existing, expected: expecting,
                                          snapshot: snapshot, shown: shown ?? path)
        }
    }

    /// What a file must hold when notes replaces it: the bytes notes read, or no file at all.
    public enum Expected: Sendable, Equatable {
        /// No file at the path (notes creates it).
        case absent
        /// These bytes.
        case bytes([UInt8])

        /// `.bytes(original)`, or `.absent` for nil.
        public init(_ original: [UInt8]?) { self = original.map(Expected.bytes) ?? .absent }
    }

    /// Size, modification time and identity of a file when its bytes were checked.
    struct Snapshot: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            size = Int64(status.st_size)
            (seconds, nanoseconds) = AtomicFile.modificationTime(status)
        }
    }

    /// A file's modification time (seconds, nanoseconds).
    static func modificationTime(_ status: stat) -> (seconds: Int, nanoseconds: Int) {
        #if canImport(Darwin)
        return (Int(status.st_mtimespec.tv_sec), Int(status.st_mtimespec.tv_nsec))
        #else
        return (Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec))
        #endif
    }

    static func changedError(_ shown: String) -> NotesError {
        NotesError(.file, "\(shown) changed while notes was working on it; nothing was written",
                   hint: "run the command again to work on the new contents")
    }

    /// Checks that `target` holds what is expected now; its snapshot (nil when it does not exist).
    static func check(_ target: String, holds expected: Expected?, shown: String) throws -> Snapshot? {
        var status = stat()
        guard lstat(target, &status) == 0 else {
            guard errno == ENOENT else {
                throw NotesError(.file, "cannot read \(shown): \(reason())", hint: "check the path and its permissions")
            }
            if case .bytes = expected { throw changedError(shown) }
            return nil
        }
        switch expected {
        case nil:
            return Snapshot(status)
        case .absent:
            throw changedError(shown)
        case .bytes(let bytes):
            guard status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) == bytes.count,
                  readRegularFile(target) == bytes
            else { throw changedError(shown) }
            return Snapshot(status)
        }
    }

    /// The bytes of the regular file at `path` (a link is not followed unless `following`), nil when it cannot
    /// be read or is not a regular file (it is opened without blocking, so a FIFO never hangs the read).
    static func readRegularFile(_ path: String, following: Bool = false) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | (following ? 0 : O_NOFOLLOW))
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity(Int(status.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return result }
            result += buffer[..<count]
        }
    }

    /// A write whose new bytes wait, written and synced, in a temporary file next to the file they replace.
    public final class Prepared {
        /// The path as messages show it.
        public let shown: String
        /// The file replaced (links resolved).
        public let target: String
        let temporary: String?
        let bytes: [UInt8]
        let expected: Expected?
        let snapshot: Snapshot?
        let mode: mode_t
        /// A hard link to the replaced file, kept by ``commit(keepingOriginal:)`` so that ``restore()``
        /// needs no new space.
        public private(set) var original: String?
        /// True once the new bytes are in place.
        public private(set) var isCommitted = false
        private var isFinished = false

        init(shown: String, target: String, temporary: String?, bytes: [UInt8], expected: Expected?,
             snapshot: Snapshot?, mode: mode_t) {
            self.shown = shown
            self.target = target
            self.temporary = temporary
            self.bytes = bytes
            self.expected = expected
            self.snapshot = snapshot
            self.mode = mode
        }

        /// Puts the new bytes in place. Right before, the file is checked again (size, modification time,
        /// identity and bytes): when someone changed it since it was read, the temporary file is removed and
        /// nothing is written. With `keepingOriginal`, the replaced file stays as a hard link
        /// (``original``) until ``restore()`` or ``dropOriginal()``.
        public func commit(keepingOriginal: Bool = false) throws {
            precondition(!isCommitted && !isFinished, "a prepared write is committed once")
            guard let temporary else {
                isFinished = true
                isCommitted = true
                try AtomicFile.writeInPlace(bytes, to: target, shown: shown)
                return
            }
            do {
                AtomicFile.Seams.beforeRename(target)
                if let expected {
                    let now = try AtomicFile.check(target, holds: expected, shown: shown)
                    guard now == snapshot else { throw AtomicFile.changedError(shown) }
                }
                if keepingOriginal, snapshot != nil || expected != .absent {
                    var status = stat()
                    if lstat(target, &status) == 0 {
                        let link = AtomicFile.temporaryName(for: target)
                        if Foundation.link(target, link) == 0 { original = link }
                    }
                }
                if expected == .absent {
                    // Created only if still absent: link(2) never replaces a file another writer put there.
                    if Foundation.link(temporary, target) == 0 {
                        unlink(temporary)
                    } else if errno == EEXIST {
                        throw AtomicFile.changedError(shown)
                    } else {
                        guard rename(temporary, target) == 0 else { throw AtomicFile.renameError(shown) }
                    }
                } else {
                    guard rename(temporary, target) == 0 else { throw AtomicFile.renameError(shown) }
                }
            } catch {
                discard()
                throw error
            }
            isCommitted = true
            AtomicFile.syncFolder(of: target)
        }

        /// Removes the temporary file of a write not committed (and the kept original of one that was).
        public func discard() {
            guard !isFinished else { return }
            isFinished = true
            if !isCommitted, let temporary { unlink(temporary) }
            dropOriginal()
        }

        /// Puts the replaced file back (a rename of the kept hard link: no new space needed), or removes the
        /// file the commit created. Throws when neither is possible; the caller writes the original bytes.
        public func restore() throws {
            guard isCommitted, temporary != nil else {
                throw NotesError(.file, "\(shown) was written in place: its old bytes are not kept")
            }
            if let original {
                guard rename(original, target) == 0 else { throw AtomicFile.renameError(shown) }
                self.original = nil
            } else if expected == .absent {
                guard unlink(target) == 0 || errno == ENOENT else { throw AtomicFile.renameError(shown) }
            } else {
                throw NotesError(.file, "\(shown): no copy of its old bytes was kept")
            }
            AtomicFile.syncFolder(of: target)
        }

        /// Removes the kept original (the run succeeded).
        public func dropOriginal() {
            if let original { unlink(original) }
            original = nil
        }

        deinit { discard() }
    }

    static func renameError(_ shown: String) -> NotesError {
        NotesError(.file, "cannot replace \(shown): \(reason())", hint: "check the file's permissions")
    }

    /// `.NAME.notes-PID-RANDOM.tmp` beside `target`, not existing now.
    static func temporaryName(for target: String) -> String {
        let name = (target as NSString).lastPathComponent
        let folderPart = (target as NSString).deletingLastPathComponent
        let folder = folderPart.isEmpty ? "." : folderPart
        return "\(folder)/.\(name).notes-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
    }

    static func syncFolder(of target: String) {
        let folderPart = (target as NSString).deletingLastPathComponent
        let directory = open(folderPart.isEmpty ? "." : folderPart, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// Test seams: what a test asks to happen to writes under a folder (a disk that fills up, an editor that
    /// saves the file at the worst moment). Empty outside tests.
    enum Seams {
        struct Hooks {
            /// Called right before a prepared write is checked again and renamed.
            var beforeRename: ((String) -> Void)?
            /// The errno a write of the temporary file for this target fails with (ENOSPC), nil: none.
            var writeError: ((String) -> Int32?)?
        }
        nonisolated(unsafe) private static var hooks: [String: Hooks] = [:]
        private static let lock = NSLock()

        static func install(_ hook: Hooks, under folder: String) {
            lock.lock()
            hooks[folder.hasSuffix("/") ? folder : folder + "/"] = hook
            lock.unlock()
        }

        static func remove(under folder: String) {
            lock.lock()
            hooks[folder.hasSuffix("/") ? folder : folder + "/"] = nil
            lock.unlock()
        }

        static func hook(for target: String) -> Hooks? {
            lock.lock()
            defer { lock.unlock() }
            guard !hooks.isEmpty else { return nil }
            return hooks.first { target.hasPrefix($0.key) }?.value
        }

        static func beforeRename(_ target: String) { hook(for: target)?.beforeRename?(target) }
        static func writeError(_ target: String) -> Int32? { hook(for: target)?.writeError?(target) }
    }

    /// Writes all of `bytes` to `descriptor`, retrying on EINTR and short writes; the errno of the failure,
    /// nil when everything was written. (Also how the command line writes stdout and stderr.)
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
    }

    static func writeInPlace(_ bytes: [UInt8], to target: String, shown path: String) throws {
        // O_NONBLOCK: a FIFO without a reader is ENXIO at once, never a hang; fstat then checks what opened.
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENXIO {
                throw NotesError(.file, "cannot write \(path): it is a FIFO (a pipe) that no process is reading; nothing was written",
                                 hint: "start the reader first, or name a regular file")
            }
            throw NotesError(.file, "cannot open \(path) for writing: \(reason(code))", hint: "check the path and its permissions")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw NotesError(.file, "cannot write \(path): \(reason())", hint: "check the path")
        }
        switch status.st_mode & S_IFMT {
        case S_IFCHR, S_IFIFO, S_IFREG: break
        default:
            throw NotesError(.file, "cannot write \(path): not a file, a character device or a pipe; nothing was written",
                             hint: "name a file")
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        if let code = writeAll(descriptor, bytes) {
            throw NotesError(.file, "cannot write \(path): \(reason(code))", hint: spaceHint(code) ?? "check the device or the disk")
        }
    }

    static func prepareReplacement(_ target: String, with bytes: [UInt8], existing: stat?, expected: Expected?,
                                   snapshot: Snapshot?, shown path: String) throws -> Prepared {
        let folderPart = (target as NSString).deletingLastPathComponent
        let folder = folderPart.isEmpty ? "." : folderPart
        removeStaleTemporaries(in: folder)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            temporary = temporaryName(for: target)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            let code = errno
            throw NotesError(.file, "cannot write \(path): cannot create a temporary file in \(folder): \(reason(code)); "
                                 + "the file was not changed",
                             hint: spaceHint(code) ?? "check the folder's permissions and free space")
        }
        var prepared = false
        defer { if !prepared { unlink(temporary) } }
        let mode: mode_t
        if let existing {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o644 & ~mask
        }
        var failure: (text: String, code: Int32)?
        if let code = Seams.writeError(target) ?? writeAll(descriptor, bytes) {
            failure = (reason(code), code)
        } else if fchmod(descriptor, mode) != 0 {
            failure = ("cannot set its mode: \(reason())", errno)
        } else {
            if let existing, geteuid() == 0, existing.st_uid != 0 || existing.st_gid != 0 {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
            if fsync(descriptor) != 0 { failure = ("fsync failed: \(reason())", errno) }
        }
        if close(descriptor) != 0 && failure == nil { failure = (reason(), errno) }
        if let failure {
            throw NotesError(.file, "cannot write \(path): \(failure.text); the file was not changed",
                             hint: spaceHint(failure.code) ?? "check the free space and the folder's permissions")
        }
        prepared = true
        return Prepared(shown: path, target: target, temporary: temporary, bytes: [], expected: expected,
                        snapshot: snapshot, mode: mode)
    }

    /// The hint for a full disk or an exceeded quota, nil for other errors.
    static func spaceHint(_ code: Int32) -> String? {
        guard code == ENOSPC || code == EDQUOT else { return nil }
        return "the disk (or your quota) is full: free some space on it and run the command again"
    }

    /// True for names this type gives its temporary files: `.NAME.notes-PID-RANDOM.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".notes-", options: .backwards)
        else { return false }
        let numbers = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)].split(separator: "-")
        return marker.lowerBound > name.index(after: name.startIndex) && numbers.count == 2
            && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Removes this type's temporary files in `folder` that are regular files older than ``staleTemporaryAge``,
    /// and, with `deadRuns`, those whose process is gone (a killed run's). Only a caller that holds the
    /// repository's ``WriteLock`` passes `deadRuns`: then no other notes is writing there, and a pid that is
    /// not running cannot be a live writer's.
    static func removeStaleTemporaries(in folder: String, deadRuns: Bool = false, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isTemporaryName(name) {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(modificationTime(status).seconds))
            if now.timeIntervalSince(modified) > staleTemporaryAge || (deadRuns && isOfDeadProcess(name)) {
                unlink(path)
            }
        }
    }

    /// True when the pid in a temporary file's name is not a running process (and not this one).
    static func isOfDeadProcess(_ name: String) -> Bool {
        guard let marker = name.range(of: ".notes-", options: .backwards),
              let pid = name[marker.upperBound...].split(separator: "-").first.flatMap({ Int32($0) }),
              pid > 0, pid != getpid()
        else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes what killed runs of notes left in `folder`: temporary files (and kept originals) of processes
    /// that are gone. Call it only while holding the repository's ``WriteLock``.
    public static func removeLeftoversOfDeadRuns(in folder: String) {
        removeStaleTemporaries(in: folder, deadRuns: true)
    }
}
