import Foundation
import NotesCore

/// Where a command runs and where its output goes: the real process, or a test's buffers.
public struct Invocation: @unchecked Sendable {
    /// The directory relative paths and the default repository are resolved from.
    public var workingDirectory: String
    /// Environment variables (`SOURCE_DATE_EPOCH`, `GITHUB_OUTPUT`, ...).
    public var environment: [String: String]
    /// Writes to standard output.
    public var writeOut: (String) -> Void
    /// Writes to standard error.
    public var writeErr: (String) -> Void
    /// True when standard error is a terminal (progress lines are shown only then).
    public var stderrIsTerminal = false
    /// Hears how far a long walk has got (set by `NotesCLI.run` when a progress line is shown).
    var progress: (@Sendable (Int) -> Void)?

    /// Makes an invocation.
    public init(workingDirectory: String, environment: [String: String],
                writeOut: @escaping (String) -> Void, writeErr: @escaping (String) -> Void) {
        self.workingDirectory = workingDirectory
        self.environment = environment
        self.writeOut = writeOut
        self.writeErr = writeErr
    }

    /// This process: its directory, environment, stdout and stderr.
    public static var process: Invocation {
        var invocation = Invocation(
            workingDirectory: FileManager.default.currentDirectoryPath,
            environment: ProcessInfo.processInfo.environment,
            writeOut: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeErr: { FileHandle.standardError.write(Data($0.utf8)) })
        invocation.stderrIsTerminal = isatty(STDERR_FILENO) == 1
        return invocation
    }

    /// Resolves a user-given path against the working directory.
    public func path(_ path: String) -> String {
        path.hasPrefix("/") ? path : URL(fileURLWithPath: workingDirectory).appendingPathComponent(path).standardized.path
    }

    /// Now, the environment and the progress line, for a use case.
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
