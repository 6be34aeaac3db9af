import Foundation

/// Reports how far long walks of the history have got, for a progress line on a terminal.
///
/// The executable installs a handler when stderr is a terminal (never in CI logs or pipes); walks call
/// `tick` for each commit they read. The handler sees the running count about every 1,000 commits and
/// decides itself whether enough time has passed to show anything.
public enum WalkProgress {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var handler: (@Sendable (Int) -> Void)?
    nonisolated(unsafe) private static var count = 0

    /// Installs (or, with nil, removes) the handler.
    public static func install(_ newHandler: (@Sendable (Int) -> Void)?) {
        lock.lock()
        handler = newHandler
        count = 0
        lock.unlock()
    }

    /// Counts one commit read; calls the handler every 1,024 commits.
    @inline(__always)
    static func tick() {
        count &+= 1
        if count & 1023 == 0, let handler { handler(count) }
    }
}
