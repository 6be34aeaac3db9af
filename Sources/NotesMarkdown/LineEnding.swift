/// A line ending style.
public enum LineEnding: String, Sendable, Hashable, CaseIterable {
    /// `\n` (Unix, and the default for a file with no line ending at all).
    case lf = "\n"
    /// `\r\n` (Windows).
    case crlf = "\r\n"
    /// `\r` alone (classic Mac OS).
    case cr = "\r"

    /// The ending's bytes.
    public var bytes: [UInt8] { Array(rawValue.utf8) }
}
