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
        let texts = [message.body ?? ""] + message.footers.map(\.value)
        for text in texts {
            for line in CommitMessageParser.splitLines(text) {
                if let id = revertedID(inLine: line) { return id }
            }
        }
        return nil
    }

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
