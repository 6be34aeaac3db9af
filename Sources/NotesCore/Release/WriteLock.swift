import Foundation
import NotesGit

/// One writer at a time per repository: every command that writes files, refs or notes holds
/// `<git dir>/notes.lock` while it reads what it will change and writes it. The file holds the holder's pid
/// and command, so a second writer can say who is in the way. A second writer waits up to `wait` seconds,
/// then fails (exit 8). A lock whose process is gone (killed mid-run) is taken over.
public final class WriteLock {
    /// The lock file.
    public let path: String
    private var held = true

    private init(path: String) { self.path = path }

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
        let content = "\(getpid()) \(command)\n"
        while true {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                _ = content.withCString { write(descriptor, $0, strlen($0)) }
                close(descriptor)
                return WriteLock(path: path)
            }
            let reason = errno
            guard reason == EEXIST else {
                throw NotesError(.file, "cannot create the lock \(path): \(String(cString: strerror(reason)))",
                                 hint: "check that the git folder is writable")
            }
            let holder = (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            let pid = holder.split(separator: " ").first.flatMap { Int32($0) }
            if let pid, pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                unlink(path)  // its process is gone: a killed run
                continue
            }
            if Date() >= deadline {
                let parts = holder.split(separator: " ", maxSplits: 1).map(String.init)
                let who = parts.count == 2 ? "another notes (pid \(parts[0]), `\(parts[1])`)" : "another notes"
                throw NotesError(.file, "\(who) is writing to this repository: \(path) is held",
                                 hint: "wait for it to finish and run the command again; if no notes is running, remove \(path)")
            }
            usleep(50_000)
        }
    }

    /// Gives the lock back (also on deinit).
    public func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit { release() }
}
