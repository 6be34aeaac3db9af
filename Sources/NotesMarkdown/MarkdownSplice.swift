/// Replaces a byte range of a document with new bytes, leaving every other byte as it was.
public enum MarkdownSplice {
    /// Returns `bytes` with `range` replaced by `replacement`. The range is clamped to `bytes`,
    /// so a range from an older parse can never trap.
    public static func replacing(_ range: Range<Int>, in bytes: [UInt8], with replacement: [UInt8]) -> [UInt8] {
        let lower = min(max(range.lowerBound, 0), bytes.count)
        let upper = min(max(range.upperBound, lower), bytes.count)
        var result = [UInt8]()
        result.reserveCapacity(bytes.count - (upper - lower) + replacement.count)
        result += bytes[..<lower]
        result += replacement
        result += bytes[upper...]
        return result
    }

    /// The UTF-8 bytes of `text` with every line ending (`\n`, `\r\n` or `\r`) written as `lineEnding`.
    public static func bytes(of text: String, lineEnding: LineEnding) -> [UInt8] {
        let source = Array(text.utf8)
        var result = [UInt8]()
        result.reserveCapacity(source.count)
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            if byte == UInt8(ascii: "\r") {
                if index < source.count, source[index] == UInt8(ascii: "\n") { index += 1 }
                result += lineEnding.bytes
            } else if byte == UInt8(ascii: "\n") {
                result += lineEnding.bytes
            } else {
                result.append(byte)
            }
        }
        return result
    }

    /// Returns the document's bytes with `range` replaced by `text`, converted to the document's
    /// dominant line ending.
    public static func replacing(_ range: Range<Int>, in document: MarkdownDocument, withText text: String) -> [UInt8] {
        replacing(range, in: document.bytes, with: bytes(of: text, lineEnding: document.lineEnding))
    }
}
