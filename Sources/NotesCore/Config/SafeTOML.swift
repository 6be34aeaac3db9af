import TOMLKit

/// The one way user bytes reach TOMLKit. toml++ (inside TOMLKit) `assert`s instead of failing on some
/// invalid documents, and SwiftPM builds it without `NDEBUG`, so those inputs abort the process (SIGABRT,
/// exit 134) in every build. ``table(_:)`` first scans the bytes for every shape known to reach such an
/// assertion and rejects it as an ordinary parse error with a line and column; only what passes is parsed.
///
/// Shapes rejected before parsing (all of them invalid TOML, so no valid document is refused):
/// - a NUL byte (TOMLKit hands the text to C++ as a C string, so everything after a NUL would be ignored);
/// - `}` where an array expects a value or its end (`a = [}`, `a = [1, }`): toml++'s `parse_value()` asserts;
/// - a table header whose first character after `[` or `[[` and any blanks is not a bare-key character
///   (`A-Z a-z 0-9 _ -`), a quote, or `]`: `[` + newline, `[[[`, `[#`, `[=`, `[.a]`, `[ [a]]`
///   (toml++'s `parse_key()` asserts on every one of them).
///
/// `scripts/fuzz toml` fuzzes this guard together with TOMLKit; every crash it found is a row of
/// `SafeTOMLTests`.
public enum SafeTOML {
    /// A document TOMLKit would reject, or that the guard rejected before it: where, and why.
    public struct ParseError: Error, Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// 1-based column, in characters.
        public var column: Int
        /// What is wrong, as one sentence without the place.
        public var message: String
    }

    /// Parses `text` with TOMLKit after the guard's scan.
    /// - Throws: ``ParseError`` for the guard's shapes and for every parse error of TOMLKit.
    public static func table(_ text: String) throws(ParseError) -> TOMLTable {
        if let problem = unsafeShape(in: Array(text.utf8)) { throw problem }
        do {
            return try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ParseError(line: error.source.begin.line, column: error.source.begin.column,
                             message: error.description)
        } catch {
            throw ParseError(line: 1, column: 1, message: "\(error)")
        }
    }

    /// The first shape in `bytes` that would make toml++ abort, nil when there is none. The scan follows
    /// toml++'s document loop: a `[` at the start of a line (after blanks), outside strings, comments,
    /// arrays and inline tables, opens a table header; there the character after `[`/`[[` is checked.
    /// On invalid documents it may stop earlier than toml++ would; on a valid prefix it agrees with it.
    public static func unsafeShape(in bytes: [UInt8]) -> ParseError? {
        var scanner = Scanner(bytes: bytes)
        return scanner.run()
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), hash = UInt8(ascii: "#")
        static let newline = UInt8(ascii: "\n"), open = UInt8(ascii: "["), close = UInt8(ascii: "]")
        static let braceOpen = UInt8(ascii: "{"), braceClose = UInt8(ascii: "}"), backslash = UInt8(ascii: "\\")

        static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        static func isBareKey(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }

        func byte(at offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

        /// The column of `offset` on the current line, in characters (UTF-8 continuation bytes not counted).
        func column(of offset: Int) -> Int {
            var column = 1
            for position in lineStart..<min(offset, bytes.count) where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        func error(at offset: Int, _ message: String) -> ParseError {
            ParseError(line: line, column: column(of: offset), message: message)
        }

        mutating func newLine(after offset: Int) {
            line += 1
            lineStart = offset + 1
        }

        static func describe(_ byte: UInt8?) -> String {
            switch byte {
            case nil: "the end of the file"
            case 0x0A?, 0x0D?: "the end of the line"
            case let byte? where byte < 0x20 || byte == 0x7F: "a control character"
            case let byte? where byte >= 0x80: "a non-ASCII character"
            case let byte?: "'\(Character(Unicode.Scalar(byte)))'"
            }
        }

        mutating func run() -> ParseError? {
            if let nul = bytes.firstIndex(of: 0) {
                for position in 0..<nul where bytes[position] == Self.newline { newLine(after: position) }
                return error(at: nul, "the file holds a NUL byte, which TOML does not allow")
            }
            // A UTF-8 byte order mark is skipped by toml++'s reader.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
            var open: [UInt8] = []  // the open arrays ([) and inline tables ({), innermost last
            var atStatementStart = true
            var inHeader = false
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case Self.newline:
                    newLine(after: index)
                    index += 1
                    inHeader = false
                    atStatementStart = open.isEmpty
                    continue
                case _ where Self.isBlank(byte) || byte == 0x0D:
                    index += 1
                    continue
                case Self.hash:
                    while index < bytes.count && bytes[index] != Self.newline { index += 1 }
                    continue
                case Self.quote, Self.apostrophe:
                    if let problem = skipString() { return problem }
                    atStatementStart = false
                    continue
                default:
                    break
                }
                if atStatementStart && byte == Self.open {
                    if let problem = checkHeader(at: index) { return problem }
                    inHeader = true
                    atStatementStart = false
                    index += 1
                    continue
                }
                atStatementStart = false
                if !inHeader {
                    switch byte {
                    case Self.open, Self.braceOpen: open.append(byte)
                    case Self.braceClose where open.last == Self.open:
                        // toml++'s array parser hands `}` to parse_value(), which asserts it is no terminator.
                        return error(at: index, "'}' inside an array: an inline table closes with '}', an array with ']'")
                    case Self.close, Self.braceClose: _ = open.popLast()
                    default: break
                    }
                }
                index += 1
            }
            return nil
        }

        /// At `start`, a `[` that opens a table header: the first character of its key must be one toml++'s
        /// `parse_key()` accepts, or one its header parser reports as an error itself (`]`, the end of file).
        func checkHeader(at start: Int) -> ParseError? {
            var position = start + 1
            var hadBlank = false
            while let byte = byte(at: position), Self.isBlank(byte) {
                hadBlank = true
                position += 1
            }
            if byte(at: position) == Self.open {
                if hadBlank {
                    return error(at: position, "a table header's brackets must touch: write [[name]], not [ [name]]")
                }
                position += 1
                while let byte = byte(at: position), Self.isBlank(byte) { position += 1 }
            }
            guard let first = byte(at: position) else { return nil }
            if Self.isBareKey(first) || first == Self.quote || first == Self.apostrophe || first == Self.close {
                return nil
            }
            return error(at: position, "a table header must start with a key name, not \(Self.describe(first))"
                + " (write [name] or [[name]] on one line; quote a name with other characters: [\"a.b\"])")
        }

        /// Skips a basic, literal or multi-line string starting at `index`; reports one that never ends only
        /// by returning nil (toml++ reports it itself).
        mutating func skipString() -> ParseError? {
            let delimiter = bytes[index]
            let triple = byte(at: index + 1) == delimiter && byte(at: index + 2) == delimiter
            let escapes = delimiter == Self.quote
            index += triple ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if escapes && byte == Self.backslash {
                    if self.byte(at: index + 1) == Self.newline { newLine(after: index + 1) }
                    index += 2
                    continue
                }
                if byte == Self.newline {
                    if !triple { return nil }  // a one-line string cut by the line end: toml++ reports it
                    newLine(after: index)
                    index += 1
                    continue
                }
                if byte == delimiter {
                    if !triple {
                        index += 1
                        return nil
                    }
                    if self.byte(at: index + 1) == delimiter && self.byte(at: index + 2) == delimiter {
                        index += 3
                        // Up to two more quotes belong to the content: `"""a"""""`.
                        var extra = 0
                        while extra < 2 && self.byte(at: index) == delimiter {
                            index += 1
                            extra += 1
                        }
                        return nil
                    }
                }
                index += 1
            }
            index = bytes.count
            return nil
        }
    }
}
