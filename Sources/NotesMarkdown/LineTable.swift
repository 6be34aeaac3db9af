/// Where each line starts in the original bytes, counted the way libcmark counts them:
/// `\r\n`, `\r` and `\n` each end one line, and a final line ending does not start a new line.
struct LineTable: Sendable, Hashable {
    /// Byte offset of the start of line `i + 1`. Always holds at least one entry (0).
    let starts: [Int]
    /// Total byte count of the text.
    let byteCount: Int
    /// The text starts with a UTF-8 byte order mark, which libcmark skips: its columns on line 1
    /// count from after the mark.
    let hasByteOrderMark: Bool
    let lfCount: Int
    let crlfCount: Int
    let crCount: Int

    init(_ bytes: [UInt8]) {
        var starts = [0]
        var lf = 0, crlf = 0, cr = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"):
                lf += 1
                index += 1
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                    crlf += 1
                    index += 2
                } else {
                    cr += 1
                    index += 1
                }
            default:
                index += 1
                continue
            }
            if index < bytes.count { starts.append(index) }
        }
        self.starts = starts
        byteCount = bytes.count
        hasByteOrderMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        lfCount = lf
        crlfCount = crlf
        crCount = cr
    }

    var lineCount: Int { starts.count }

    func clamped(_ line: Int) -> Int { min(max(line, 1), lineCount) }

    /// Offset of the first byte of `line` (1-based; clamped to the file's lines).
    func start(of line: Int) -> Int { starts[clamped(line) - 1] }

    /// Offset just past `line`'s line ending (or the end of the text for the last line).
    func endIncludingLineEnding(of line: Int) -> Int {
        let line = clamped(line)
        return line < lineCount ? starts[line] : byteCount
    }

    /// Offset of `line`'s line ending (or the end of the text if it has none).
    func contentEnd(of line: Int, in bytes: [UInt8]) -> Int {
        let start = start(of: line)
        var end = endIncludingLineEnding(of: line)
        // A line holds no `\r` or `\n` of its own, so its ending is `\n`, `\r\n`, `\r` or nothing.
        if end > start, bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return end
    }

    /// Maps a libcmark position (1-based line, 1-based byte column) to an offset in the bytes.
    /// Column 0 (which libcmark reports for some block ends) maps to the line start. Out-of-range
    /// positions are clamped to the text.
    func offset(line: Int, column: Int) -> Int {
        var offset = start(of: line) + max(column, 1) - 1
        if hasByteOrderMark, clamped(line) == 1 { offset += 3 }
        return min(offset, byteCount)
    }

    /// True when `line` holds only spaces and tabs.
    func isBlank(_ line: Int, in bytes: [UInt8]) -> Bool {
        bytes[start(of: line)..<contentEnd(of: line, in: bytes)].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
        }
    }
}
