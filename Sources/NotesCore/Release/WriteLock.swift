import Foundation
import NotesGit

/// One writer at a time per repository: every command that writes files, refs or notes holds
/// `<git dir>/notes.lock` while it reads what it will change and writes it.
///
/// The lock is an exclusive `flock` on that file, not the file's existence: the kernel gives it back when
/// its process dies, however it dies, so a killed run never leaves a lock that blocks the next one, and of
/// several writers that find a dead run's file only one gets the lock (the kernel decides, atomically). The
/// file holds the holder's pid and command, so a second writer can say who is in the way. A second writer
/// waits up to `wait` seconds, then fails (exit 8) naming the holder, a live process: it is never told to
/// delete the file. The holder removes the file when it is done; a file left by a killed run is taken over
/// (and said, through ``tookOverFrom``) by the next writer, which removes it in its turn.
///
/// Removing a locked file races with a writer that opened it just before: that writer gets a lock on a
/// file no longer at the path. So a writer that gets the lock checks that the path still names the file it
/// locked (same device and inode) and starts again if not.
public final class WriteLock {
    /// The lock file.
    public let path: String
    /// The pid and command of a run that died holding the lock (its file was still there), nil otherwise.
    public let tookOverFrom: String?
    private var descriptor: Int32
    private var held = true

    private init(path: String, descriptor: Int32, tookOverFrom: String?) {
        self.path = path
        self.descriptor = descriptor
        self.tookOverFrom = tookOverFrom
    }

    /// How long a second writer waits for the first (seconds); `NOTES_LOCK_WAIT` overrides it.
    static let defaultWait: Double = 60

    /// Takes the lock of the repository at `settings.root` for `command` (`notes release`).
    public static func acquire(_ settings: Settings, command: String, environment: [String: String] = [:]) throws
        -> WriteLock
    {
        let gitDir = try RepositoryAccess.open(settings.root).gitDir
        let wait = environment["NOTES_LOCK_WAIT"].flatMap(Double.init) ?? defaultWait
        return try acquire(gitDir: gitDir, command: command, wait: wait)
    }

    /// Takes `<gitDir>/notes.lock`, waiting up to `wait` seconds for another holder.
    public static func acquire(gitDir: String, command: String, wait: Double) throws -> WriteLock {
        let path = (gitDir.hasSuffix("/") ? gitDir : gitDir + "/") + "notes.lock"
        let deadline = Date().addingTimeInterval(wait)
        let content = Array("\(getpid()) \(command)\n".utf8)
        while true {
            // O_NOFOLLOW: the lock is a file of notes' own, never a link to somewhere else.
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else {
                let reason = errno
                throw NotesError(.file, "cannot open the lock \(path): \(String(cString: strerror(reason)))",
                                 hint: reason == ELOOP
                                     ? "\(path) is a symbolic link; notes only locks a file of its own: remove the link"
                                     : "check that the git folder is writable")
            }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let reason = errno
                close(descriptor)
                guard reason == EWOULDBLOCK || reason == EINTR else {
                    throw NotesError(.file, "cannot lock \(path): \(String(cString: strerror(reason)))",
                                     hint: "check that the git folder's file system supports file locks")
                }
                if Date() >= deadline {
                    let holder = Self.holder(at: path).split(separator: "\n").first.map(String.init) ?? ""
                    let parts = holder.split(separator: " ", maxSplits: 1).map(String.init)
                    let who = parts.count == 2 ? "another notes (pid \(parts[0]), `\(parts[1])`)" : "another notes"
                    throw NotesError(.file, "\(who) is writing to this repository: it holds \(path)",
                                     hint: "wait for it to finish and run the command again (NOTES_LOCK_WAIT sets "
                                         + "how many seconds notes waits; the lock goes away with its process)")
                }
                usleep(50_000)
                continue
            }
            // The previous holder may have removed the file between our open and our lock: then the path
            // names another file (or none), and our lock guards nothing.
            var locked = stat()
            var atPath = stat()
            guard fstat(descriptor, &locked) == 0, lstat(path, &atPath) == 0,
                  locked.st_dev == atPath.st_dev, locked.st_ino == atPath.st_ino
            else {
                close(descriptor)
                continue
            }
            let previous = Self.read(descriptor)
            _ = ftruncate(descriptor, 0)
            _ = pwrite(descriptor, content, content.count, 0)
            return WriteLock(path: path, descriptor: descriptor, tookOverFrom: previous.isEmpty ? nil : previous)
        }
    }

    /// Notes in the lock file that the holder is about to make git lock files (`index.lock`, a ref's `.lock`),
    /// so that if it dies before git removes them, the next holder knows they are its leftovers
    /// (``removeGitLocksLeftByDeadHolder(_:)``).
    public func markGitWrites() {
        guard held else { return }
        let line = Array("git \(Int(Date().timeIntervalSince1970))\n".utf8)
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return }
        _ = pwrite(descriptor, line, line.count, off_t(status.st_size))
    }

    /// Removes git lock files (`names`, relative to the git folder) that the run whose lock was taken over
    /// left when it died while writing refs or the index: only when that run said it was about to
    /// (``markGitWrites()``) and the file was made after it said so (a minute's margin). A git lock file
    /// made by anything else is never touched: a `git commit` may be holding `index.lock` right now.
    /// Returns the removed files.
    public func removeGitLocksLeftByDeadHolder(_ names: [String]) -> [String] {
        guard let dead = tookOverFrom,
              let mark = dead.split(separator: "\n").last(where: { $0.hasPrefix("git ") }),
              let time = Int(mark.dropFirst(4))
        else { return [] }
        let gitDir = (path as NSString).deletingLastPathComponent
        var removed: [String] = []
        for name in names {
            let file = gitDir + "/" + name
            var status = stat()
            guard lstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
            let made = AtomicFile.modificationTime(status).seconds
            guard made >= time - 1, made <= time + 60 else { continue }
            if unlink(file) == 0 { removed.append(file) }
        }
        return removed
    }

    /// What to tell the user when the lock of a killed run was taken over.
    public static func takeOverNote(_ holder: String) -> String {
        let first = holder.split(separator: "\n").first.map(String.init) ?? holder
        let parts = first.split(separator: " ", maxSplits: 1).map(String.init)
        let who = parts.count == 2 ? "pid \(parts[0]), `\(parts[1])`" : first
        return "a notes run that ended without finishing (\(who)) left its lock: taken over; its temporary files are removed"
    }

    /// The pid and command written in the lock file, empty when none.
    static func holder(at path: String) -> String {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return "" }
        defer { close(descriptor) }
        return read(descriptor)
    }

    private static func read(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return "" }
        return String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Gives the lock back (also on deinit): removes the file while still holding it, then unlocks.
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
