import Foundation
import NotesCore

/// A progress line on stderr while a walk runs longer than about a second: only when stderr is a terminal
/// and `CI` is not set, rewritten in place, erased when the command ends. Never in pipes or CI logs.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var shown = false
    private var lastUpdate = Date.distantPast
    private let enabled: Bool
    private let write: (String) -> Void

    init(_ invocation: Invocation) {
        enabled = invocation.stderrIsTerminal && invocation.environment["CI"] == nil
        write = invocation.writeErrControl
    }

    /// The callback walks call with their running count; nil when no line is shown.
    var handler: (@Sendable (Int) -> Void)? {
        guard enabled else { return nil }
        return { [weak self] count in self?.update(count) }
    }

    private func update(_ count: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard now.timeIntervalSince(start) >= 1, now.timeIntervalSince(lastUpdate) >= 0.1 else { return }
        lastUpdate = now
        shown = true
        write("\r\u{1B}[2Knotes: reading history… \(count) commits")
    }

    /// Erases the line, if shown, so other output starts on a clean line.
    func clear() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if shown {
            write("\r\u{1B}[2K")
            shown = false
        }
    }

    /// Erases the line.
    func finish() {
        clear()
    }
}
