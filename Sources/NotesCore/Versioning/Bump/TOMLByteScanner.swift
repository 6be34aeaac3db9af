/// A TOML scanner, not a parser: it walks a document's bytes, tracks the current table header and reports
/// every key's full path with the byte range of its value. Strings (all four kinds), comments, arrays and
/// inline tables are stepped over as units, so a key name inside any of them is never taken for a key.
/// It never throws and never traps: on bytes it does not understand it moves to the next line.
/// Validity is TOMLKit's job; callers cross-check what is found here against TOMLKit's value.
struct TOMLByteScanner {
    enum ValueKind: Equatable {
        case basicString, literalString, multilineBasicString, multilineLiteralString, other
    }

    struct Entry: Equatable {
        /// The full key path: the table header's keys, then the key's own (dotted) keys, then inline-table keys.
        var keyPath: [String]
        var kind: ValueKind
        /// The value's contents: inside the quotes for strings, the token for other scalars.
        var contentRange: Range<Int>
        /// 0-based index of the table header the entry is under (0 = before any header, then 1, 2, ...).
        var tableIndex: Int
        /// Under an array of tables (`[[package]]` or a sub-table of one): not addressable by a key path.
        var isInArrayOfTables: Bool
        /// The header's own keys (`["package"]` for `[[package]]`).
        var tableKeys: [String]
    }

    private let bytes: [UInt8]
    private var index = 0
    private var entries: [Entry] = []
    private var tableKeys: [String] = []
    private var tableIndex = 0
    private var inArrayOfTables = false
    private var arrayTablePaths: [[String]] = []

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Every key/value in `bytes`, in document order.
    static func entries(in bytes: [UInt8]) -> [Entry] {
        var scanner = TOMLByteScanner(bytes)
        scanner.scanDocument()
        return scanner.entries
    }

    /// The 1-based line of byte `offset`.
    static func line(of offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        for byte in bytes[..<min(max(offset, 0), bytes.count)] where byte == UInt8(ascii: "\n") { line += 1 }
        return line
    }

    // MARK: - Document

    private mutating func scanDocument() {
        // A UTF-8 byte order mark is not part of the first line (TOMLKit skips it too); it stays in the file.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < bytes.count {
            let start = index
            scanLine()
            skipToNextLine()
            if index <= start { index = start + 1 }  // always make progress
        }
    }

    private mutating func scanLine() {
        skipBlanks()
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return
        case UInt8(ascii: "["):
            scanHeader()
        default:
            guard let key = scanKey() else { return }
            skipBlanks()
            guard peek() == UInt8(ascii: "=") else { return }
            index += 1
            skipBlanks()
            scanValue(keyPath: tableKeys + key)
        }
    }

    private mutating func scanHeader() {
        index += 1
        var isArray = false
        if peek() == UInt8(ascii: "[") {
            isArray = true
            index += 1
        }
        guard let keys = scanKey() else { return }
        skipBlanks()
        guard peek() == UInt8(ascii: "]") else { return }
        index += 1
        if isArray {
            guard peek() == UInt8(ascii: "]") else { return }
            index += 1
            arrayTablePaths.append(keys)
        }
        tableKeys = keys
        tableIndex += 1
        inArrayOfTables = isArray || arrayTablePaths.contains { keys.starts(with: $0) }
    }

    /// Moves past the rest of the line: blanks, a comment, then the line break.
    private mutating func skipToNextLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
        if index < bytes.count { index += 1 }
    }

    // MARK: - Keys

    /// A dotted key: `a`, `a.b`, `"a b".'c'`, with blanks around the dots.
    private mutating func scanKey() -> [String]? {
        var keys: [String] = []
        while true {
            skipBlanks()
            guard let part = scanSimpleKey() else { return nil }
            keys.append(part)
            skipBlanks()
            guard peek() == UInt8(ascii: ".") else { return keys }
            index += 1
        }
    }

    private mutating func scanSimpleKey() -> String? {
        guard let byte = peek() else { return nil }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            index += 1
            let start = index
            guard let end = endOfSingleLineString(quote: byte) else { return nil }
            let raw = Array(bytes[start..<end])
            index = end + 1
            return byte == UInt8(ascii: "\"") ? Self.unescapeKey(raw) : String(decoding: raw, as: UTF8.self)
        }
        let start = index
        while let byte = peek(), Self.isBareKeyByte(byte) { index += 1 }
        guard index > start else { return nil }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    /// The escapes of a quoted (basic-string) key, as TOML defines them (`\"`, `\\`, `\b`, `\t`, `\n`, `\f`,
    /// `\r`, `\uXXXX`, `\UXXXXXXXX`), so `"vers\u0069on"` is the key `version`; anything else is kept as written.
    private static func unescapeKey(_ raw: [UInt8]) -> String {
        var out: [UInt8] = []
        var position = 0
        while position < raw.count {
            let byte = raw[position]
            guard byte == UInt8(ascii: "\\"), position + 1 < raw.count else {
                out.append(byte)
                position += 1
                continue
            }
            let next = raw[position + 1]
            position += 2
            switch next {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(next)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                let digits = next == UInt8(ascii: "u") ? 4 : 8
                let hex = raw[min(position, raw.count)..<min(position + digits, raw.count)]
                if hex.count == digits, let value = UInt32(String(decoding: hex, as: UTF8.self), radix: 16),
                   let scalar = Unicode.Scalar(value) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    position += digits
                } else {
                    out.append(contentsOf: [byte, next])
                }
            default: out.append(contentsOf: [byte, next])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Values

    /// Scans one value; records it under `keyPath` unless that is nil (array elements).
    private mutating func scanValue(keyPath: [String]?) {
        guard let byte = peek() else { return }
        let kind: ValueKind
        let contents: Range<Int>
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if startsWith(byte, count: 3) {
                index += 3
                let start = index
                guard let end = endOfMultilineString(quote: byte) else {
                    index = bytes.count
                    return
                }
                kind = byte == UInt8(ascii: "\"") ? .multilineBasicString : .multilineLiteralString
                contents = start..<end
            } else {
                index += 1
                let start = index
                guard let end = endOfSingleLineString(quote: byte) else { return }
                index = end + 1
                kind = byte == UInt8(ascii: "\"") ? .basicString : .literalString
                contents = start..<end
            }
        case UInt8(ascii: "["):
            scanArray()
            return
        case UInt8(ascii: "{"):
            scanInlineTable(keyPath: keyPath)
            return
        default:
            let start = index
            while let byte = peek(), !Self.endsScalar(byte) { index += 1 }
            kind = .other
            contents = start..<index
        }
        if let keyPath {
            entries.append(Entry(keyPath: keyPath, kind: kind, contentRange: contents, tableIndex: tableIndex,
                                 isInArrayOfTables: inArrayOfTables, tableKeys: tableKeys))
        }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"), UInt8(ascii: ","),
             UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"):
            true
        default:
            false
        }
    }

    private mutating func scanArray() {
        index += 1
        while index < bytes.count {
            let start = index
            skipBlanksNewlinesAndComments()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "]") {
                index += 1
                return
            }
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            scanValue(keyPath: nil)
            if index <= start { index = start + 1 }
        }
    }

    private mutating func scanInlineTable(keyPath: [String]?) {
        index += 1
        while index < bytes.count {
            let start = index
            skipBlanksNewlinesAndComments()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "}") {
                index += 1
                return
            }
            if byte == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard let key = scanKey() else {
                if index <= start { index = start + 1 }
                continue
            }
            skipBlanks()
            guard peek() == UInt8(ascii: "=") else { continue }
            index += 1
            skipBlanks()
            scanValue(keyPath: keyPath.map { $0 + key })
            if index <= start { index = start + 1 }
        }
    }

    /// The index of the closing quote of a one-line string whose contents start at `index`; nil at a line end.
    private func endOfSingleLineString(quote: UInt8) -> Int? {
        var position = index
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") { return nil }
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                position += 2
                continue
            }
            if byte == quote { return position }
            position += 1
        }
        return nil
    }

    /// Moves past the closing `"""`/`'''` (which may be followed by up to two more quotes that belong to the
    /// contents) and returns where the contents end.
    private mutating func endOfMultilineString(quote: UInt8) -> Int? {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                index += 2
                continue
            }
            if startsWith(quote, count: 3) {
                var end = index + 3
                var extra = 0
                while extra < 2, end < bytes.count, bytes[end] == quote {
                    end += 1
                    extra += 1
                }
                index = end
                return end - 3
            }
            index += 1
        }
        return nil
    }

    // MARK: - Bytes

    private func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }

    private func startsWith(_ byte: UInt8, count: Int) -> Bool {
        guard index + count <= bytes.count else { return false }
        return bytes[index..<(index + count)].allSatisfy { $0 == byte }
    }

    private mutating func skipBlanks() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { index += 1 }
    }

    private mutating func skipBlanksNewlinesAndComments() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                index += 1
            case UInt8(ascii: "#"):
                while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
            default:
                return
            }
        }
    }
}
