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
    /// and say what failed.
    public static func write(_ bytes: [UInt8], to path: String, scope: PathScope, display: String? = nil) throws {
        switch try destination(of: path, scope: scope, display: display) {
        case .inPlace(let target):
            try writeInPlace(bytes, to: target, shown: path)
        case .replace(let target, let existing):
            try replace(target, with: bytes, existing: existing, shown: path)
        }
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
            throw NotesError(.file, "cannot write \(path): \(reason(code))", hint: "check the device or the disk")
        }
    }

    static func replace(_ target: String, with bytes: [UInt8], existing: stat?, shown path: String) throws {
        let name = (target as NSString).lastPathComponent
        let folderPart = (target as NSString).deletingLastPathComponent
        let folder = folderPart.isEmpty ? "." : folderPart
        removeStaleTemporaries(in: folder)
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<16 {
            temporary = "\(folder)/.\(name).notes-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else {
            throw NotesError(.file, "cannot write \(path): cannot create a temporary file in \(folder): \(reason())",
                             hint: "check the folder's permissions and free space")
        }
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        let mode: mode_t
        if let existing {
            mode = existing.st_mode & 0o7777
        } else {
            let mask = umask(0)
            umask(mask)
            mode = 0o644 & ~mask
        }
        var failure: String?
        if let code = writeAll(descriptor, bytes) {
            failure = reason(code)
        } else if fchmod(descriptor, mode) != 0 {
            failure = "cannot set its mode: \(reason())"
        } else {
            if let existing, geteuid() == 0, existing.st_uid != 0 || existing.st_gid != 0 {
                _ = fchown(descriptor, existing.st_uid, existing.st_gid)
            }
            if fsync(descriptor) != 0 { failure = "fsync failed: \(reason())" }
        }
        if close(descriptor) != 0 && failure == nil { failure = reason() }
        if let failure {
            throw NotesError(.file, "cannot write \(path): \(failure); the file was not changed",
                             hint: "check the free space and the folder's permissions")
        }
        guard rename(temporary, target) == 0 else {
            throw NotesError(.file, "cannot replace \(path): \(reason())", hint: "check the file's permissions")
        }
        renamed = true
        let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    /// True for names this type gives its temporary files: `.NAME.notes-PID-RANDOM.tmp`.
    static func isTemporaryName(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".notes-", options: .backwards)
        else { return false }
        let numbers = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)].split(separator: "-")
        return marker.lowerBound > name.index(after: name.startIndex) && numbers.count == 2
            && numbers.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// Removes this type's temporary files in `folder` that are regular files older than ``staleTemporaryAge``.
    static func removeStaleTemporaries(in folder: String, now: Date = Date()) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where isTemporaryName(name) {
            let path = folder + "/" + name
            var status = stat()
            guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec))
            if now.timeIntervalSince(modified) > staleTemporaryAge { unlink(path) }
        }
    }
}
