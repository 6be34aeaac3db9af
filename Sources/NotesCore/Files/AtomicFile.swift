import Foundation

/// Writes files the safe way. A reader sees the old bytes or the new ones, never half, and a crash leaves
/// either the old file or the new one (plus, at worst, a temporary file that the next write cleans up).
///
/// - **Regular files** (and new files): the bytes go to a temporary file created exclusively
///   (`O_CREAT|O_EXCL`, mode 0600) in the same folder, which gets the mode (and, when run as root, the
///   owner) of the file it replaces, or `0644 & ~umask` for a new file; it is `fsync`ed, renamed over the
///   file, and the folder is `fsync`ed. Files are never created with execute or world-write bits they did
///   not have.
/// - **Symbolic links** are followed (to any depth) and their target is written as above, so the link stays
///   a link and the target keeps its mode. A link whose target does not exist is refused (exit 8): notes
///   does not create files at a place a link points to.
/// - **Anything else that is not a directory** (a FIFO, a character device such as /dev/stdout or
///   /dev/full) is written in place, `open(O_WRONLY|O_TRUNC)` then `write`, never renamed over.
/// - Temporary files are named `.NAME.notes-PID-RANDOM.tmp`; ones of that pattern older than an hour in the
///   folder written to are left by killed runs and are removed by the next write there.
public enum AtomicFile {
    /// How old a leftover temporary file must be before a write in its folder removes it.
    public static let staleTemporaryAge: TimeInterval = 3600

    /// Checks, before any work is done, that `path` can be written: its folder exists and it is not a directory.
    public static func checkWritable(_ path: String) throws {
        _ = try destination(of: path)
    }

    /// Where a write to `path` goes and how.
    enum Destination {
        /// Replace (or create) the regular file at this path by a rename; `existing` is its status.
        case replace(path: String, existing: stat?)
        /// Write in place: not a regular file.
        case inPlace(path: String)
    }

    static func reason(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Resolves `path` (following symbolic links) and checks it can be written.
    static func destination(of path: String) throws -> Destination {
        guard !path.isEmpty else {
            throw NotesError(.badInput, "the file path is empty", hint: "give the path of a file")
        }
        var target = path
        var link = stat()
        if lstat(path, &link) == 0, link.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw NotesError(.file, "\(path) is a symbolic link to \(destination), which does not exist: nothing was written",
                                 hint: "create the link's target first, or replace the link with a file")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        var status = stat()
        if stat(target, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                throw NotesError(.file, "\(path) is a directory, not a file", hint: "give a file path")
            case S_IFREG:
                break
            default:
                return .inPlace(path: target)
            }
        } else if errno != ENOENT {
            throw NotesError(.file, "cannot write \(path): \(reason())", hint: "check the path and its permissions")
        }
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

    /// Writes `bytes` to `path` (see the type's documentation). Errors name the path and say what failed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        switch try destination(of: path) {
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
        let descriptor = open(target, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw NotesError(.file, "cannot open \(path) for writing: \(reason())", hint: "check the path and its permissions")
        }
        defer { close(descriptor) }
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
            #if canImport(Darwin)
            let seconds = status.st_mtimespec.tv_sec
            #else
            let seconds = status.st_mtim.tv_sec
            #endif
            let modified = Date(timeIntervalSince1970: TimeInterval(seconds))
            if now.timeIntervalSince(modified) > staleTemporaryAge { unlink(path) }
        }
    }
}
