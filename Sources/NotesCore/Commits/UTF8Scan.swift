/// Byte-level helpers for the commit-message pipeline. All syntax the parsers look for is ASCII,
/// so they scan UTF-8 bytes and decode a scalar only where a decision depends on a non-ASCII
/// one. Where a decision depends on grapheme clusters (`Character` semantics) and the bytes
/// cannot settle it, the callers fall back to the `Character`-based code, so results are the
/// same as before, byte for byte.
enum UTF8Scan {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    // MARK: - ASCII classes

    /// U+0009…U+000D and U+0020: the ASCII scalars with the Unicode `White_Space` property.
    @inline(__always) static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte &- 0x09) < 5
    }

    @inline(__always) static func isSpaceOrTab(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    @inline(__always) static func isDigit(_ byte: UInt8) -> Bool {
        (byte &- 0x30) < 10
    }

    @inline(__always) static func isLetter(_ byte: UInt8) -> Bool {
        ((byte | 0x20) &- 0x61) < 26
    }

    /// ASCII letters, digits and `-`: the characters of a type or footer token.
    @inline(__always) static func isToken(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == 0x2D
    }

    /// True when the UTF-8 bytes of `needle` occur in those of `text` (an empty needle occurs everywhere).
    static func contains(_ text: String, _ needle: String) -> Bool {
        var text = text
        var needle = needle
        return text.withUTF8 { haystack in needle.withUTF8 { offset(of: $0, in: haystack) != nil } }
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`; nil when there is
    /// none (an empty needle occurs at `start`).
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>,
                       from start: Int = 0) -> Int? {
        guard let first = needle.first else { return start <= haystack.count ? start : nil }
        guard haystack.count >= needle.count else { return nil }
        var candidate = start
        while candidate <= haystack.count - needle.count {
            if haystack[candidate] == first {
                var matched = 1
                while matched < needle.count, haystack[candidate + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return candidate }
            }
            candidate += 1
        }
        return nil
    }

    // MARK: - Scalars and strings

    /// The scalar whose first byte is at `index`.
    @inline(__always) static func scalar(at index: Int, in bytes: Bytes) -> Unicode.Scalar {
        let lead = bytes[index]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        return decode(at: index, in: bytes).scalar
    }

    /// The scalar whose first byte is at `index`, and its length in bytes.
    static func decode(at index: Int, in bytes: Bytes) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(bytes[index])
        let value: UInt32
        let length: Int
        if lead < 0x80 {
            return (Unicode.Scalar(UInt8(lead)), 1)
        } else if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The scalar that ends right before `index` (which must be greater than zero).
    @inline(__always) static func scalar(before index: Int, in bytes: Bytes) -> Unicode.Scalar {
        var start = index - 1
        if bytes[start] < 0x80 { return Unicode.Scalar(bytes[start]) }
        while bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start, in: bytes).scalar
    }

    /// The text of `bytes[start..<end]`; both ends must be scalar boundaries.
    @inline(__always) static func string(_ bytes: Bytes, _ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// The text of `bytes[start..<end]` with ASCII letters lower-cased.
    static func lowercasedASCII(_ bytes: Bytes, _ start: Int, _ end: Int) -> String {
        var index = start
        while index < end, !(bytes[index] &- 0x41 < 26) { index += 1 }
        if index == end { return string(bytes, start, end) }
        return String(unsafeUninitializedCapacity: end - start) { buffer in
            for offset in 0..<(end - start) {
                let byte = bytes[start + offset]
                buffer[offset] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return end - start
        }
    }

    /// The first index in `start..<end` holding `byte`, or nil.
    @inline(__always) static func firstIndex(of byte: UInt8, in bytes: Bytes, _ start: Int, _ end: Int) -> Int? {
        var index = start
        while index < end {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    // MARK: - Character-level predicates

    /// `String(bytes[start..<end]).allSatisfy(\.isWhitespace)`. An ASCII byte that is not
    /// whitespace always starts its own Character or follows a non-whitespace Prepend scalar,
    /// so it settles the answer; only lines of whitespace and non-ASCII bytes need Characters.
    static func isBlank(_ bytes: Bytes, _ start: Int, _ end: Int) -> Bool {
        var nonASCII = false
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte >= 0x80 {
                nonASCII = true
            } else if !isWhitespace(byte) {
                return false
            }
            index += 1
        }
        return !nonASCII || string(bytes, start, end).allSatisfy(\.isWhitespace)
    }

    @inline(__always) private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// Whether a Character whose first scalar is `scalar` is trimmed.
    @inline(__always) private static func isTrimmed(_ scalar: Unicode.Scalar, spacesOnly: Bool) -> Bool {
        scalar.properties.isWhitespace && !(spacesOnly && isNewline(scalar))
    }

    /// The range `trimmedWhitespace()` (or, with `spacesOnly`, `trimmedSpaces()`) keeps of the
    /// text `bytes[start..<end]`, or nil when only Characters can tell.
    ///
    /// Grapheme clusters matter at two places: a space followed by a combining mark is one
    /// whitespace Character (trimmed with its mark), and a text's last Character may start
    /// before its last scalar. ASCII bytes settle both; so does a non-ASCII scalar at the start
    /// or after a control character or line break (always a cluster boundary). At the end,
    /// a non-ASCII last scalar is judged by the last Character of the last line.
    static func trimmedRange(_ bytes: Bytes, _ start: Int, _ end: Int, spacesOnly: Bool) -> Range<Int>? {
        @inline(__always) func skipped(_ byte: UInt8) -> Bool {
            spacesOnly ? isSpaceOrTab(byte) : isWhitespace(byte)
        }
        var lower = start
        while lower < end, skipped(bytes[lower]) { lower += 1 }
        if lower == end { return lower..<lower }
        if bytes[lower] >= 0x80 {
            if lower > start, bytes[lower - 1] == 0x20 { return nil }
            if isTrimmed(decode(at: lower, in: bytes).scalar, spacesOnly: spacesOnly) { return nil }
        }
        var upper = end
        while skipped(bytes[upper - 1]) { upper -= 1 }
        if bytes[upper - 1] < 0x80 { return lower..<upper }
        // A Prepend scalar would take a following space into its Character.
        if upper < end, bytes[upper] == 0x20 { return nil }
        // The last Character, segmented from the last line break or control character (after
        // which there is always a cluster boundary), or from `lower` (a boundary, see above).
        var lineStart = upper - 1
        while lineStart > lower, !(bytes[lineStart - 1] < 0x20) { lineStart -= 1 }
        guard let last = string(bytes, lineStart, upper).last,
              let first = last.unicodeScalars.first,
              !isTrimmed(first, spacesOnly: spacesOnly)
        else { return nil }
        return lower..<upper
    }

    /// `String(bytes[start..<end]).trimmedWhitespace()` (or `.trimmedSpaces()`).
    static func trimmed(_ bytes: Bytes, _ start: Int, _ end: Int, spacesOnly: Bool) -> String {
        if let range = trimmedRange(bytes, start, end, spacesOnly: spacesOnly) {
            return string(bytes, range.lowerBound, range.upperBound)
        }
        let text = string(bytes, start, end)
        return spacesOnly ? text.characterTrimmedSpaces() : text.characterTrimmedWhitespace()
    }
}
