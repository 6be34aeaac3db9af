import Foundation

/// Writes files the safe way: a temporary file in the same folder, then a rename, keeping the
/// permissions of the file it replaces. A reader sees the old bytes or the new ones, never half.
public enum AtomicFile {
    /// Checks, before any work is done, that `path` can be written: its folder exists and it is not a directory.
    public static func checkWritable(_ path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw NotesError(.file, "\(path) is a directory, not a file", hint: "give a file path")
        }
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NotesError(.file, "cannot write \(path): folder \(folder) does not exist", hint: "create the folder first")
        }
        guard access(folder, W_OK) == 0 else {
            throw NotesError(.file, "cannot write \(path): the folder \(folder) is not writable",
                             hint: "check the folder's permissions")
        }
    }

    /// Writes `bytes` to `path` atomically. Errors name the path and say what failed.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        try checkWritable(path)
        let permissions = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions]) as? NSNumber
        let temporary = "\(folder)/.\(url.lastPathComponent).notes-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw NotesError(.file, "cannot write \(path): the folder \(folder) is not writable",
                             hint: "check the folder's permissions")
        }
        if let permissions {
            chmod(temporary, mode_t(permissions.uint16Value))
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw NotesError(.file, "cannot replace \(path): \(reason)", hint: "check the file's permissions")
        }
    }
}
