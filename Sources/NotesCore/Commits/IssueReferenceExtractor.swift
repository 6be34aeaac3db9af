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
        var found = scan(message.subject, allClose: false)
        if let body = message.body { found += scan(body, allClose: false) }
        for footer in message.footers {
            found += scan(footer.value, allClose: closingKeywords.contains(footer.token.lowercased()))
        }
        var result: [IssueReference] = []
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

    static let closingKeywords: Set<String> = [
        "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved",
    ]

    // MARK: - Scanning

    /// The references in `text`, in order, with duplicates.
    static func scan(_ text: String, allClose: Bool) -> [IssueReference] {
        let scalars = Array(text.unicodeScalars)
        let excluded = excludedPositions(scalars)
        var references: [IssueReference] = []
        var index = 0
        while index < scalars.count {
            if excluded[index] {
                index += 1
                continue
            }
            if let match = reference(at: index, in: scalars, excluded: excluded) {
                var reference = match.reference
                reference.closes = allClose || closingKeywordPrecedes(match.start, in: scalars, excluded: excluded)
                references.append(reference)
                index = match.end
            } else {
                index += 1
            }
        }
        return references
    }

    private struct Match {
        var reference: IssueReference
        var start: Int
        var end: Int
    }

    /// A reference whose `#` (or `G` of `GH-`) is at `index`.
    private static func reference(at index: Int, in s: [Unicode.Scalar], excluded: [Bool]) -> Match? {
        let scalar = s[index]
        if scalar == "#" {
            guard let (number, end) = digits(from: index + 1, in: s) else { return nil }
            if index == 0 || isBoundary(s[index - 1]) {
                return Match(reference: IssueReference(number: number), start: index, end: end)
            }
            guard let (owner, repository, start) = ownerAndRepository(before: index, in: s),
                  !excluded[start..<index].contains(true)
            else { return nil }
            return Match(
                reference: IssueReference(owner: owner, repository: repository, number: number),
                start: start, end: end)
        }
        if scalar == "G" || scalar == "g", index + 2 < s.count, s[index + 1] == "H" || s[index + 1] == "h",
           s[index + 2] == "-", index == 0 || isBoundary(s[index - 1]),
           let (number, end) = digits(from: index + 3, in: s) {
            return Match(reference: IssueReference(number: number), start: index, end: end)
        }
        return nil
    }

    /// Decimal digits from `start`, not followed by a word character; the number must be positive.
    private static func digits(from start: Int, in s: [Unicode.Scalar]) -> (Int, Int)? {
        var end = start
        while end < s.count, isDigit(s[end]) { end += 1 }
        guard end > start, end - start <= 18 else { return nil }
        if end < s.count, isWord(s[end]) { return nil }
        guard let number = Int(String(String.UnicodeScalarView(s[start..<end]))), number > 0 else { return nil }
        return (number, end)
    }

    /// `owner/repo` ending right before `hash`, standing on its own.
    private static func ownerAndRepository(before hash: Int, in s: [Unicode.Scalar]) -> (String, String, Int)? {
        var repoStart = hash
        while repoStart > 0, isRepositoryScalar(s[repoStart - 1]) { repoStart -= 1 }
        guard repoStart < hash, repoStart > 0, s[repoStart - 1] == "/" else { return nil }
        let slash = repoStart - 1
        var ownerStart = slash
        while ownerStart > 0, isOwnerScalar(s[ownerStart - 1]) { ownerStart -= 1 }
        guard ownerStart < slash else { return nil }
        if ownerStart > 0 {
            let before = s[ownerStart - 1]
            guard isBoundary(before), before != "." else { return nil }
        }
        let owner = String(String.UnicodeScalarView(s[ownerStart..<slash]))
        let repository = String(String.UnicodeScalarView(s[repoStart..<hash]))
        return (owner, repository, ownerStart)
    }

    /// A closing keyword, an optional colon and spaces, right before `start`.
    private static func closingKeywordPrecedes(_ start: Int, in s: [Unicode.Scalar], excluded: [Bool]) -> Bool {
        var index = start - 1
        guard index >= 0, s[index] == " " || s[index] == "\t" else { return false }
        while index >= 0, s[index] == " " || s[index] == "\t" { index -= 1 }
        if index >= 0, s[index] == ":" { index -= 1 }
        let wordEnd = index
        while index >= 0, s[index].isASCII, s[index].properties.isAlphabetic { index -= 1 }
        guard index < wordEnd else { return false }
        if index >= 0, isWord(s[index]) { return false }
        if excluded[(index + 1)...wordEnd].contains(true) { return false }
        let word = String(String.UnicodeScalarView(s[(index + 1)...wordEnd])).lowercased()
        return closingKeywords.contains(word)
    }

    // MARK: - Code spans and URLs

    /// Marks inline code (matching backtick runs) and URLs (`scheme://` to the next space).
    private static func excludedPositions(_ s: [Unicode.Scalar]) -> [Bool] {
        var excluded = [Bool](repeating: false, count: s.count)
        var index = 0
        while index < s.count {
            guard s[index] == "`" else {
                index += 1
                continue
            }
            let runLength = backtickRun(at: index, in: s)
            var search = index + runLength
            var closed = false
            while search < s.count {
                if s[search] == "`" {
                    let length = backtickRun(at: search, in: s)
                    if length == runLength {
                        for position in index..<(search + length) { excluded[position] = true }
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
            if s[position] == ":", s[position + 1] == "/", s[position + 2] == "/" {
                var start = position
                while start > 0, isSchemeScalar(s[start - 1]) { start -= 1 }
                if start < position {
                    var end = position + 3
                    while end < s.count, !s[end].properties.isWhitespace, s[end] != "`" { end += 1 }
                    for index in start..<end { excluded[index] = true }
                    position = end
                    continue
                }
            }
            position += 1
        }
        return excluded
    }

    private static func backtickRun(at start: Int, in s: [Unicode.Scalar]) -> Int {
        var end = start
        while end < s.count, s[end] == "`" { end += 1 }
        return end - start
    }

    // MARK: - Character classes

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }

    /// A character a reference may follow: not part of a word, a path or an HTML entity.
    private static func isBoundary(_ scalar: Unicode.Scalar) -> Bool {
        !isWord(scalar) && scalar != "&" && scalar != "/" && scalar != "#"
    }

    private static func isOwnerScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || isDigit(scalar) || scalar == "-")
    }

    private static func isRepositoryScalar(_ scalar: Unicode.Scalar) -> Bool {
        isOwnerScalar(scalar) || scalar == "." || scalar == "_"
    }

    private static func isSchemeScalar(_ scalar: Unicode.Scalar) -> Bool {
        isOwnerScalar(scalar) || scalar == "+" || scalar == "."
    }
}
