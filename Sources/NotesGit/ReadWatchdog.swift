internal import CGit2
import Foundation

/// A bound on how long one object read may take. libgit2 1.5.1 (what Debian ships) loops forever inflating
/// a truncated object: `inflate()` reports `Z_BUF_ERROR`, which it treats as "try again" with no input left
/// (libgit2 issue 7342, fixed upstream after 1.5.1). A read cannot be interrupted from outside, so every
/// commit read (``lookupCommit(_:_:_:)``) is registered here, and a watchdog thread ends the process with
/// exit 3, naming the object and `git fsck`, when one has run longer than ``limit`` seconds. Nothing is
/// lost: notes reads the history before it writes anything. `NOTES_READ_TIMEOUT` sets the limit (tests).
enum ReadWatchdog {
    /// Seconds one read may take: 30, or `NOTES_READ_TIMEOUT`.
    static let limit: Double = {
        if let text = ProcessInfo.processInfo.environment["NOTES_READ_TIMEOUT"], let value = Double(text), value > 0 {
            return value
        }
        return 30
    }()

    private static let lock = NSLock()
    nonisolated(unsafe) private static var reads: [Int: (start: Double, subject: Subject)] = [:]
    nonisolated(unsafe) private static var nextToken = 0
    nonisolated(unsafe) private static var started = false

    /// Runs `body`, a read of `oid`, under the watchdog.
    @inline(__always)
    static func reading<T>(_ oid: UnsafePointer<git_oid>, _ body: () -> T) -> T {
        reading(.object(CommitID(oid)), body)
    }

    /// What a read is about, for the report.
    enum Subject {
        case object(CommitID)
        case revision(String)

        var text: String {
            switch self {
            case .object(let id): "object \(id.hex)"
            case .revision(let name): "the objects of \(name)"
            }
        }
    }

    /// Runs `body`, a read about `subject`, under the watchdog.
    static func reading<T>(_ subject: Subject, _ body: () -> T) -> T {
        let token = begin(subject)
        defer { end(token) }
        return body()
    }

    private static func begin(_ subject: Subject) -> Int {
        let now = monotonicSeconds()
        lock.lock()
        defer { lock.unlock() }
        if !started {
            started = true
            Thread.detachNewThread { watch() }
        }
        nextToken += 1
        reads[nextToken] = (now, subject)
        return nextToken
    }

    private static func end(_ token: Int) {
        lock.lock()
        reads[token] = nil
        lock.unlock()
    }

    private static func watch() {
        while true {
            Thread.sleep(forTimeInterval: min(1, limit / 4))
            let now = monotonicSeconds()
            lock.lock()
            let stuck = reads.values.first { now - $0.start > limit }
            lock.unlock()
            if let stuck {
                let message = "error: reading \(stuck.subject.text) did not finish in \(Int(limit)) seconds: it is truncated or damaged "
                    + "(libgit2 1.5.1 loops forever on a truncated object)\n"
                    + "hint: run git fsck to find the damaged objects; fetch them again from the remote, or restore the clone\n"
                _ = message.utf8CString.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count - 1) }
                _exit(3)
            }
        }
    }

    private static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
