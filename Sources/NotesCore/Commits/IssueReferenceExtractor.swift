/// Finds issue references in commit messages.
///
/// Recognised: `#123`, `GH-123` (any case), `owner/repo#123`, each standing on its own (not
/// glued to a word: `abc#12` and `PR#12` are ignored). Ignored: anything inside inline code
/// (any number of backticks, so fenced blocks too), inside URLs (`scheme://…` up to the next
/// space), HTML entities such as `&#123;`, and `#0`.
///
/// A reference closes its issue when a closing keyword stands right before it, optionally
/// followed by a colon (`Fixes #12`, `closes owner/repo#3`, `Resolved: #4`), or when it sits in
/// a footer whose token is a closing keyword (`Closes: #3, #4` closes both). In prose only the
/// reference right after the keyword closes (`Fixes #1, #2` closes #1 only), as on GitHub.
public enum IssueReferenceExtractor {
    /// All issue references in subject, body and footers, deduplicated by key, `closes` true if any occurrence closes. Order of first appearance.
    public static func references(in message: ParsedMessage) -> [IssueReference] {
        var found: [IssueReference] = []
        scan(message.subject, allClose: false, into: &found)
        if let body = message.body { scan(body, allClose: false, into: &found) }
        for footer in message.footers {
            scan(footer.value, allClose: isClosingKeyword(footer.token), into: &found)
        }
        if found.count < 2 { return found }
        var result: [IssueReference] = []
        if found.count <= 16 {
            for reference in found {
                if let position = result.firstIndex(where: { $0.key == reference.key }) {
                    result[position].closes = result[position].closes || reference.closes
                } else {
                    result.append(reference)
                }
            }
            return result
        }
        var positions: [String: Int] = [:]
        for reference in found {
            if let position = positions[reference.key] {
                result[position].closes = result[position].closes || reference.closes
            } else {
                positions[reference.key] = result.count
                result.append(reference)
            }
        }
        return result
    }

    /// Footer tokens (lower-cased) whose references link issues without closing them.
    static let referenceFooterTokens: Set<String> = [
        "refs", "ref", "references", "related", "related-to", "see", "see-also", "issue", "issues", "part-of",
    ]

    /// The keys of `references` (as `references(in:)` found them in `message`) that link an issue: the
    /// closing ones, and those written in a `Refs:`-style footer. Squash suffixes and mentions are left out.
    public static func issueLinkKeys(in message: ParsedMessage, references: [IssueReference]) -> Set<String> {
        guard !references.isEmpty else { return [] }
        var keys = Set(references.filter(\.closes).map(\.key))
        let footers = message.footers.filter { referenceFooterTokens.contains($0.token.lowercased()) }
        if !footers.isEmpty {
            for reference in IssueReferenceExtractor.references(in: ParsedMessage(subject: "", footers: footers)) {
                keys.insert(reference.key)
            }
        }
        return keys
    }

    static let closingKeywords: Set<String> = [
        "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved",
    ]

    /// `closingKeywords.contains(word.lowercased())`, without making strings for ASCII words.
    /// No non-ASCII text lower-cases to one of these ASCII words (U+212A KELVIN SIGN, the only
    /// non-ASCII scalar lower-casing to ASCII, gives `k`), so those take the slow path only to be sure.
    private static func isClosingKeyword(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { bytes in
            if bytes.contains(where: { $0 >= 0x80 }) { return closingKeywords.contains(String(decoding: bytes, as: UTF8.self).lowercased()) }
            return isClosingKeyword(bytes, 0, bytes.count)
        }
    }

    /// Whether the ASCII letters `bytes[start..<end]` spell a closing keyword, in any case.
    private static func isClosingKeyword(_ bytes: UTF8Scan.Bytes, _ start: Int, _ end: Int) -> Bool {
        let length = end - start
        guard length >= 3, length <= 8 else { return false }
        @inline(__always) func lower(_ offset: Int) -> UInt8 { bytes[start + offset] | 0x20 }
        @inline(__always) func matches(_ word: StaticString) -> Bool {
            guard word.utf8CodeUnitCount == length else { return false }
            let pointer = word.utf8Start
            for offset in 0..<length where lower(offset) != pointer[offset] { return false }
            return true
        }
        switch lower(0) {
        case 0x63: return matches("close") || matches("closes") || matches("closed")
        case 0x66: return matches("fix") || matches("fixes") || matches("fixed")
        case 0x72: return matches("resolve") || matches("resolves") || matches("resolved")
        default: return false
        }
    }

    // MARK: - Scanning

    /// The references in `text`, in order, with duplicates.
    static func scan(_ text: String, allClose: Bool) -> [IssueReference] {
        var references: [IssueReference] = []
        scan(text, allClose: allClose, into: &references)
        return references
    }

    private static func scan(_ text: String, allClose: Bool, into references: inout [IssueReference]) {
        var text = text
        text.withUTF8 { scan($0, allClose: allClose, into: &references) }
    }

    /// A `#`, or the `G` of `GH-` (any case): where a reference can start.
    @inline(__always) private static func isCandidate(_ s: UTF8Scan.Bytes, _ index: Int) -> Bool {
        let byte = s[index]
        if byte == 0x23 { return true }
        return byte | 0x20 == 0x67 && index + 2 < s.count && s[index + 1] | 0x20 == 0x68 && s[index + 2] == 0x2D
    }

    /// Appends the references in the UTF-8 text `s`. Positions are byte offsets; every syntax
    /// character is ASCII, and non-ASCII scalars are decoded where a rule looks at one.
    private static func scan(_ s: UTF8Scan.Bytes, allClose: Bool, into references: inout [IssueReference]) {
        var index = 0
        while index < s.count, !isCandidate(s, index) { index += 1 }
        guard index < s.count else { return }
        let excluded = Excluded(s)
        while index < s.count {
            if !isCandidate(s, index) || excluded.contains(index) {
                index += 1
                continue
            }
            if let match = reference(at: index, in: s, excluded: excluded) {
                var reference = match.reference
                reference.closes = allClose || closingKeywordPrecedes(match.start, in: s, excluded: excluded)
                references.append(reference)
                index = match.end
            } else {
                index += 1
            }
        }
    }

    private struct Match {
        var reference: IssueReference
        var start: Int
        var end: Int
    }

    /// A reference whose `#` (or `G` of `GH-`) is at `index`.
    private static func reference(at index: Int, in s: UTF8Scan.Bytes, excluded: Excluded) -> Match? {
        let byte = s[index]
        if byte == 0x23 {
            guard let (number, end) = digits(from: index + 1, in: s) else { return nil }
            if index == 0 || isBoundary(UTF8Scan.scalar(before: index, in: s)) {
                return Match(reference: IssueReference(number: number), start: index, end: end)
            }
            guard let (owner, repository, start) = ownerAndRepository(before: index, in: s),
                  !excluded.overlaps(start, index)
            else { return nil }
            return Match(
                reference: IssueReference(owner: owner, repository: repository, number: number),
                start: start, end: end)
        }
        if byte | 0x20 == 0x67, index + 2 < s.count, s[index + 1] | 0x20 == 0x68, s[index + 2] == 0x2D,
           index == 0 || isBoundary(UTF8Scan.scalar(before: index, in: s)),
           let (number, end) = digits(from: index + 3, in: s) {
            return Match(reference: IssueReference(number: number), start: index, end: end)
        }
        return nil
    }

    /// Decimal digits from `start`, not followed by a word character; the number must be positive.
    private static func digits(from start: Int, in s: UTF8Scan.Bytes) -> (Int, Int)? {
        var end = start
        var number = 0
        while end < s.count, UTF8Scan.isDigit(s[end]) {
            if end - start < 18 { number = number * 10 + Int(s[end] &- 0x30) }
            end += 1
        }
        guard end > start, end - start <= 18 else { return nil }
        if end < s.count, isWord(UTF8Scan.scalar(at: end, in: s)) { return nil }
        guard number > 0 else { return nil }
        return (number, end)
    }

    /// `owner/repo` ending right before `hash`, standing on its own.
    private static func ownerAndRepository(before hash: Int, in s: UTF8Scan.Bytes) -> (String, String, Int)? {
        var repoStart = hash
        while repoStart > 0, isRepositoryByte(s[repoStart - 1]) { repoStart -= 1 }
        guard repoStart < hash, repoStart > 0, s[repoStart - 1] == 0x2F else { return nil }
        let slash = repoStart - 1
        var ownerStart = slash
        while ownerStart > 0, isOwnerByte(s[ownerStart - 1]) { ownerStart -= 1 }
        guard ownerStart < slash else { return nil }
        if ownerStart > 0 {
            let before = UTF8Scan.scalar(before: ownerStart, in: s)
            guard isBoundary(before), before != "." else { return nil }
        }
        let owner = UTF8Scan.string(s, ownerStart, slash)
        let repository = UTF8Scan.string(s, repoStart, hash)
        return (owner, repository, ownerStart)
    }

    /// A closing keyword, an optional colon and spaces, right before `start`.
    private static func closingKeywordPrecedes(_ start: Int, in s: UTF8Scan.Bytes, excluded: Excluded) -> Bool {
        var index = start - 1
        guard index >= 0, UTF8Scan.isSpaceOrTab(s[index]) else { return false }
        while index >= 0, UTF8Scan.isSpaceOrTab(s[index]) { index -= 1 }
        if index >= 0, s[index] == 0x3A { index -= 1 }
        let wordEnd = index
        while index >= 0, UTF8Scan.isLetter(s[index]) { index -= 1 }
        guard index < wordEnd else { return false }
        if index >= 0, isWord(UTF8Scan.scalar(before: index + 1, in: s)) { return false }
        if excluded.overlaps(index + 1, wordEnd + 1) { return false }
        return isClosingKeyword(s, index + 1, wordEnd + 1)
    }

    // MARK: - Code spans and URLs

    /// Inline code (matching backtick runs) and URLs (`scheme://` to the next space), as byte
    /// ranges; usually none.
    private struct Excluded {
        private var ranges: [Range<Int>] = []

        init(_ s: UTF8Scan.Bytes) {
            let backtick: UInt8 = 0x60
            var index = 0
            while index < s.count {
                guard s[index] == backtick else {
                    index += 1
                    continue
                }
                let runLength = Self.backtickRun(at: index, in: s)
                var search = index + runLength
                var closed = false
                while search < s.count {
                    if s[search] == backtick {
                        let length = Self.backtickRun(at: search, in: s)
                        if length == runLength {
                            ranges.append(index..<(search + length))
                            index = search + length
                            closed = true
                            break
                        }
                        search += length
                    } else {
                        search += 1
                    }
                }
                if !closed { index += runLength }
            }
            var position = 0
            while position + 2 < s.count {
                if s[position] == 0x3A, s[position + 1] == 0x2F, s[position + 2] == 0x2F {  // ://
                    var start = position
                    while start > 0, isSchemeByte(s[start - 1]) { start -= 1 }
                    if start < position {
                        var end = position + 3
                        while end < s.count, s[end] != backtick {
                            let (scalar, length) = UTF8Scan.decode(at: end, in: s)
                            if scalar.properties.isWhitespace { break }
                            end += length
                        }
                        ranges.append(start..<end)
                        position = end
                        continue
                    }
                }
                position += 1
            }
        }

        private static func backtickRun(at start: Int, in s: UTF8Scan.Bytes) -> Int {
            var end = start
            while end < s.count, s[end] == 0x60 { end += 1 }
            return end - start
        }

        /// Whether the byte at `index` is excluded.
        @inline(__always) func contains(_ index: Int) -> Bool {
            if ranges.isEmpty { return false }
            return ranges.contains { $0.contains(index) }
        }

        /// Whether any byte of `start..<end` is excluded.
        @inline(__always) func overlaps(_ start: Int, _ end: Int) -> Bool {
            if ranges.isEmpty { return false }
            return ranges.contains { $0.lowerBound < end && start < $0.upperBound }
        }
    }

    // MARK: - Character classes

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return UTF8Scan.isLetter(byte) || UTF8Scan.isDigit(byte) || byte == 0x5F
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A character a reference may follow: not part of a word, a path or an HTML entity.
    private static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        !isWord(scalar) && scalar != "&" && scalar != "/" && scalar != "#"
    }

    @inline(__always) private static func isOwnerByte(_ byte: UInt8) -> Bool {
        UTF8Scan.isLetter(byte) || UTF8Scan.isDigit(byte) || byte == 0x2D
    }

    @inline(__always) private static func isRepositoryByte(_ byte: UInt8) -> Bool {
        isOwnerByte(byte) || byte == 0x2E || byte == 0x5F
    }

    @inline(__always) private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isOwnerByte(byte) || byte == 0x2B || byte == 0x2E
    }
}
