/// What a revert commit undoes.
public struct RevertInfo: Hashable, Sendable {
    /// The reverted commit's id as written in `This reverts commit <id>.`, lower-cased; full or abbreviated.
    public var revertedID: String
    /// The reverted commit's subject taken from this commit's subject, or nil when it cannot be read.
    public var revertedSubject: String?

    /// Creates revert information.
    public init(revertedID: String, revertedSubject: String? = nil) {
        self.revertedID = revertedID
        self.revertedSubject = revertedSubject
    }
}

/// Recognises commits made by `git revert` and conventional `revert:` commits.
public enum RevertDetector {
    /// A message `Revert "…"` (possibly nested `Revert "Revert "…""`) whose body says
    /// `This reverts commit <40-or-abbreviated-hex>.`; also conventional `revert: …` with that body line.
    ///
    /// The id is 4 to 40 hex digits, followed by `.`, `,` (git's wording for merges), space or
    /// the end of the line. For `Revert "…"` the subject is peeled once, so a revert of a revert
    /// names the inner `Revert "…"` subject; a squash-merge ` (#12)` suffix is ignored. For
    /// `revert: …` the description (without surrounding quotes) is the reverted subject.
    /// Other messages, and revert subjects without the body line, return nil.
    public static func revert(in message: ParsedMessage) -> RevertInfo? {
        guard let id = revertedID(in: message) else { return nil }
        let subject = SquashSuffix.split(message.subject).text
        let prefix = "Revert \""
        if subject.hasPrefix(prefix) {
            var inner = Substring(subject.dropFirst(prefix.count))
            if inner.hasSuffix("\"") { inner = inner.dropLast() }
            return RevertInfo(revertedID: id, revertedSubject: inner.isEmpty ? nil : String(inner))
        }
        if let commit = message.conventional, commit.type == "revert" {
            var text = Substring(SquashSuffix.split(commit.description).text)
            if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
                text = text.dropFirst().dropLast()
            }
            return RevertInfo(revertedID: id, revertedSubject: text.isEmpty ? nil : String(text))
        }
        return nil
    }

    private static func revertedID(in message: ParsedMessage) -> String? {
        if let body = message.body, let id = revertedID(in: body) { return id }
        for footer in message.footers {
            if let id = revertedID(in: footer.value) { return id }
        }
        return nil
    }

    /// The id of the first line of `text` that says `This reverts commit <id>`.
    private static func revertedID(in text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                let newline = UTF8Scan.firstIndex(of: 0x0A, in: bytes, start, bytes.count) ?? bytes.count
                let end = newline > start && bytes[newline - 1] == 0x0D ? newline - 1 : newline
                if let id = revertedID(inLine: bytes, start, end) { return id }
                start = newline + 1
            }
            return nil
        }
    }

    private static let phrase = Array("This reverts commit ".utf8)

    /// Reads `bytes[start..<end]` as `This reverts commit <id>`. The phrase is ASCII, so bytes
    /// match it exactly as Characters do unless the scalar after it is non-ASCII (it could be
    /// a combining mark joining the phrase's final space); that rare line is read as a string.
    private static func revertedID(inLine bytes: UTF8Scan.Bytes, _ start: Int, _ end: Int) -> String? {
        var index = start
        while index < end, UTF8Scan.isSpaceOrTab(bytes[index]) { index += 1 }
        guard end - index >= phrase.count, bytes[index] == 0x54 else { return nil }  // T
        for offset in 1..<phrase.count where bytes[index + offset] != phrase[offset] { return nil }
        index += phrase.count
        if index < end, bytes[index] >= 0x80 {
            return revertedID(inLine: UTF8Scan.string(bytes, start, end))
        }
        var hexEnd = index
        while hexEnd < end, isHexDigit(bytes[hexEnd]) { hexEnd += 1 }
        guard (4...40).contains(hexEnd - index) else { return nil }
        if hexEnd < end {
            let next = UTF8Scan.scalar(at: hexEnd, in: bytes)
            if next != ".", next != ",", !next.properties.isWhitespace { return nil }
        }
        return UTF8Scan.lowercasedASCII(bytes, index, hexEnd)
    }

    @inline(__always) private static func isHexDigit(_ byte: UInt8) -> Bool {
        UTF8Scan.isDigit(byte) || (byte | 0x20) &- 0x61 < 6
    }

    /// The `Character`-based reading of one line, for lines the byte scan cannot settle.
    private static func revertedID(inLine line: String) -> String? {
        let phrase = "This reverts commit "
        let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
        guard trimmed.hasPrefix(phrase) else { return nil }
        let rest = trimmed.dropFirst(phrase.count).unicodeScalars
        let hex = rest.prefix(while: { $0.properties.isASCIIHexDigit })
        guard (4...40).contains(hex.count) else { return nil }
        if let next = rest.dropFirst(hex.count).first, next != ".", next != ",", !next.properties.isWhitespace {
            return nil
        }
        return String(String.UnicodeScalarView(hex)).lowercased()
    }
}
