/// Why a Markdown file could not be read.
public enum MarkdownError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The bytes are not valid UTF-8; `byteOffset` (0-based) is the first bad byte, on `line` (1-based).
    case notUTF8(byteOffset: Int, line: Int)

    /// A sentence naming the problem and where it is.
    public var description: String {
        switch self {
        case let .notUTF8(byteOffset, line):
            "line \(line): not valid UTF-8 (byte offset \(byteOffset)); save the file as UTF-8"
        }
    }
}

extension MarkdownError {
    /// The offset of the first byte that is not part of a valid UTF-8 sequence, or nil if all are.
    static func firstInvalidUTF8Offset(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
