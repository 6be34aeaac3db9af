import Foundation
import NotesCore

/// Where a command runs and where its output goes: the real process, or a test's buffers.
public struct Invocation: @unchecked Sendable {
    /// The directory relative paths and the default repository are resolved from.
    public var workingDirectory: String
    /// Environment variables (`SOURCE_DATE_EPOCH`, `GITHUB_OUTPUT`, ...).
    public var environment: [String: String]
    /// Writes to standard output; control characters are shown escaped when stdout is a terminal.
    public var writeOut: (String) -> Void
    /// Writes to standard error, control characters always shown escaped (`\x1B`): a commit subject,
    /// a tag name or a path quoted in an error or warning cannot drive the terminal.
    public var writeErr: (String) -> Void
    /// Writes to standard error as is: only for notes' own terminal control (the progress line).
    var writeErrControl: (String) -> Void
    /// True when standard error is a terminal (progress lines are shown only then).
    public var stderrIsTerminal = false
    /// Hears how far a long walk has got (set by `NotesCLI.run` when a progress line is shown).
    var progress: (@Sendable (Int) -> Void)?
    /// Failed writes to standard output, recorded by `writeOut` (shared by every copy of this invocation):
    /// `NotesCLI.run` turns one into exit 8 for read-only commands, a warning for finished write commands.
    public var outputFailures = OutputFailures()

    /// Makes an invocation. Text for stderr, and for stdout when `stdoutIsTerminal`, has its control
    /// characters escaped (`UntrustedText.escapingControls`, line breaks and tabs kept) before it reaches
    /// `writeOut`/`writeErr`: the one place every printed line passes (docs/reliability.md).
    public init(workingDirectory: String, environment: [String: String], stdoutIsTerminal: Bool = false,
                writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.writeOut = stdoutIsTerminal ? { writeOut(UntrustedText.escapingControls($0, keepingLineBreaks: true)) } : writeOut
        self.writeErr = { writeErr(UntrustedText.escapingControls($0, keepingLineBreaks: true)) }
        self.writeErrControl = writeErr
    }

    /// This process: its directory, environment, stdout and stderr. Output goes through `write(2)` (retried on
    /// EINTR and partial writes), never through `FileHandle`, which traps on a closed or full descriptor. A
    /// failed write to stdout is recorded in ``outputFailures``; one to stderr has nowhere to be reported and
    /// is dropped. A closed stdin, stdout or stderr (`>&-`) is first reopened on /dev/null read-only, so files
    /// the command opens never land on descriptors 0-2 and writes to a closed stdout fail with EBADF.
    public static var process: Invocation {
        reserveStandardDescriptors()
        let failures = OutputFailures()
        var invocation = Invocation(
            workingDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1,
            writeOut: { text in
                if let code = writeAll(STDOUT_FILENO, text) { failures.record(code) }
            },
            writeErr: { text in _ = writeAll(STDERR_FILENO, text) })
        invocation.outputFailures = failures
        invocation.stderrIsTerminal = isatty(STDERR_FILENO) == 1
        return invocation
    }

    /// Writes all of `text` to `descriptor`; returns the errno of the failure, nil when everything was written.
    static func writeAll(_ descriptor: Int32, _ text: String) -> Int32? {
        AtomicFile.writeAll(descriptor, Array(text.utf8))
    }

    /// Opens /dev/null (read-only) on each of descriptors 0, 1 and 2 that is closed.
    static func reserveStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }

    /// Resolves a user-given path against the working directory.
    public func path(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardized.path
    }

    /// Now, the environment, the progress line and where warnings go (`notes: warning: …`), for a use case.
    func context() throws -> RunContext {
        RunContext(now: try now(), environment: environment, progress: progress,
                   say: { [self] in self.writeErr("notes: \($0)\n") })
    }

    /// "Now" for dates: `SOURCE_DATE_EPOCH` when set (reproducible builds), else the clock.
    func now() throws -> Int64 {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return Int64(Date().timeIntervalSince1970) }
        guard let seconds = Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw NotesErrorBridge.badEnvironment("SOURCE_DATE_EPOCH=\(text) is not a number of seconds")
        }
        return seconds
    }
}

/// The failed writes to standard output of one run: the first failure's reason (`strerror`).
public final class OutputFailures: @unchecked Sendable {
    private let lock = NSLock()
    private var first: String?

    /// Makes an empty record.
    public init() {}

    /// Records a failed write by its errno.
    public func record(_ code: Int32) {
        record(reason: String(cString: strerror(code)))
    }

    /// Records a failed write by its reason; the first one is kept.
    public func record(reason: String) {
        lock.lock()
        defer { lock.unlock() }
        if first == nil { first = reason }
    }

    /// The first failure's reason, nil when every write succeeded.
    public var reason: String? {
        lock.lock()
        defer { lock.unlock() }
        return first
    }
}
