import Foundation

/// Writing to the files GitHub Actions hands a step (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`).
public enum GitHubActions {
    /// The `GITHUB_OUTPUT` text for `values`: `name=value` for one-line values, and
    /// `name<<DELIMITER` … `DELIMITER` for multi-line ones, with a random delimiter that occurs in no value.
    public static func outputText(_ values: [(String, String)],
                                  delimiter makeDelimiter: () -> String = randomDelimiter) -> String {
        var text = ""
        for (name, value) in values {
            if value.contains("\n") || value.contains("\r") {
                var delimiter = makeDelimiter()
                while values.contains(where: { $0.1.contains(delimiter) }) { delimiter = makeDelimiter() }
                text += "\(name)<<\(delimiter)\n\(value)\(value.hasSuffix("\n") ? "" : "\n")\(delimiter)\n"
            } else {
                text += "\(name)=\(value)\n"
            }
        }
        return text
    }

    /// `NOTES_EOF_` and 32 random hex digits.
    public static func randomDelimiter() -> String {
        "NOTES_EOF_" + (0..<4).map { _ in String(format: "%08x", UInt32.random(in: 0...UInt32.max)) }.joined()
    }

    /// A file the runner hands a step (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`), checked before notes changes
    /// anything: it is named by the environment (``PathOrigin/environment(_:)``), so it may lie outside the
    /// work tree but never in the git folder, and it must be a regular file, a character device
    /// (`/dev/null`), or missing (it is created). A FIFO, a folder or a socket is refused (exit 8): nothing
    /// waits on a pipe nobody reads.
    public struct Destination: Sendable {
        /// The path as the variable holds it.
        public let path: String
        /// The variable's name, for messages.
        public let variable: String

        /// Checks `path`, the value of `variable`.
        public init(_ path: String, variable: String, boundary: WorkTreeBoundary) throws {
            self.path = path
            self.variable = variable
            let resolution = try boundary.writeTarget(path, origin: .environment(variable), display: "\(variable) (\(path))")
            switch resolution.kind {
            case .missing, .regular, .characterDevice:
                break
            default:
                throw Self.notAFile(path, variable: variable, kind: resolution.kind)
            }
        }

        static func notAFile(_ path: String, variable: String, kind: WorkTreeBoundary.Kind) -> NotesError {
            NotesError(.file, "\(variable) names \(path), which is \(WorkTreeBoundary.describe(kind)), not a regular file: nothing was written",
                       hint: "set \(variable) to a regular file (the Actions runner does), or unset it outside Actions")
        }

        /// Appends `bytes` as the runner expects, on a line of their own: when the file does not end with a
        /// newline, one goes first (else the first value would join the last line and be lost). The file
        /// is opened with `O_NONBLOCK` and checked with `fstat` before a byte is written.
        public func append(_ bytes: [UInt8]) throws {
            var descriptor = open(path, O_RDWR | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
            if descriptor < 0, errno == EACCES {
                descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NONBLOCK | O_CLOEXEC, 0o644)
            }
            guard descriptor >= 0 else {
                let code = errno
                if code == ENXIO { throw Self.notAFile(path, variable: variable, kind: .fifo) }
                throw NotesError(.file, "cannot open \(variable) file \(path) for writing: \(WorkTreeBoundary.reason(code)); nothing was written",
                                 hint: "check that its folder exists and its permissions")
            }
            defer { close(descriptor) }
            var status = stat()
            guard fstat(descriptor, &status) == 0 else {
                throw NotesError(.file, "cannot append to \(variable) file \(path): \(WorkTreeBoundary.reason())")
            }
            let kind = WorkTreeBoundary.kind(status.st_mode)
            guard kind == .regular || kind == .characterDevice else {
                throw Self.notAFile(path, variable: variable, kind: kind)
            }
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
            var text = bytes
            if kind == .regular, status.st_size > 0 {
                var last: UInt8 = 0
                if pread(descriptor, &last, 1, off_t(status.st_size) - 1) == 1, last != UInt8(ascii: "\n") {
                    text.insert(UInt8(ascii: "\n"), at: 0)
                }
            }
            if let code = AtomicFile.writeAll(descriptor, text) {
                throw NotesError(.file, "cannot append to \(variable) file \(path): \(WorkTreeBoundary.reason(code))",
                                 hint: "check the disk")
            }
        }
    }
}
