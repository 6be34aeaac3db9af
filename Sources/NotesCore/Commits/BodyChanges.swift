/// The further changes a commit's message lists as Conventional Commit headers, each read as a change of
/// its own (`[commits] split_body`): release-please's multi-change convention and squashes of merged pull
/// requests.
///
/// What counts, and why (measured on the histories of git-cliff, release-please, cocogitto, commitizen and
/// angular-cli against what each published; docs/fidelity.md):
/// - **A header line**: `type(scope)!: description` at the very start of a line, the type written in lower
///   case and one of `types` (the sections' types: `Fix: typo` or `Note: …` is prose).
/// - **Plain** (not bulleted), separated from prose: it opens a paragraph, or follows another change's
///   lines with no blank line between (`fix: a` / `fix: b` on consecutive lines). release-please publishes
///   these (19 of 20 feat/fix lines of its history). The lines under it up to a blank line belong to it:
///   an indented or plain `BREAKING-CHANGE:` there makes that change breaking, not the commit.
///   A footer whose token is such a type (`fix: b` in the last paragraph) is one too; the trailers after
///   it in that paragraph stay the commit's (only its indented lines are its own).
/// - **Bulleted** (`* fix(api): …`, `- feat: …`) only when the body is a list of merged pull requests: at
///   least two bulleted headers with their own `(#N)`, all different and none the commit's own number.
///   GitHub writes every commit of a pull request into its squash body as `* type: …`; those are the
///   pull request's working steps, and projects publish the subject alone (git-cliff published 2 of 184
///   such feat/fix bullets, release-please 1 of 107, cocogitto 0 of 23).
/// - **Not at all** in a log of working commits: a paragraph of a few words that is no sentence (`format`,
///   `fix imports`, `Apply suggestions from code review`), or a trailer followed by more text without a
///   blank line (commit messages pasted one after another).
/// - A line repeating the commit's own description is the commit, not another change.
public enum BodyChanges {
    /// The Conventional Commits types of the built-in sections, and `deps` (release-please's).
    public static let standardTypes: Set<String> = [
        "feat", "fix", "perf", "revert", "docs", "refactor", "test", "tests", "build", "ci", "chore", "style", "deps",
    ]

    /// A message split into the commit's own part and the changes its body lists.
    public struct Split: Sendable {
        /// The commit without the lines of the changes: its body, footers and breaking flag recomputed.
        public var commit: ParsedMessage
        /// The changes, in the order written, each parsed as a message of its own.
        public var changes: [ParsedMessage]
    }

    /// The changes `message` lists besides its own, or nil when it lists none. `types` are the lower-case
    /// types a header line must have.
    public static func split(_ message: ParsedMessage, types: Set<String> = standardTypes) -> Split? {
        let footerChanges = message.footers.indices.filter { index in
            let token = message.footers[index].token
            // `fix #12` (a trailer with `#`) is a closing reference, not a header.
            return types.contains(token) && !message.footers[index].value.isEmpty && !message.footers[index].value.hasPrefix("#")
        }
        // Most bodies have no line that could be a header: one pass over their bytes says so before any line
        // is split or parsed (this check was 14% of a 100k-commit `changelog --all` before it).
        let hasHeaderLine = message.body.map { mayHaveHeaderLine($0, types: types) } ?? false
        guard footerChanges.count > 0 || hasHeaderLine else { return nil }
        let bodyLines = message.body.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) } ?? []
        let own = normalized(message.conventional?.description ?? message.subject)
        let ownNumber = SquashSuffix.split(message.conventional?.description ?? message.subject).number

        var changes: [ParsedMessage] = []
        var keptBody: [String] = []
        if !bodyLines.isEmpty {
            let headers = bodyLines.map { header(in: $0, types: types) }
            let bulleted = headers.compactMap { $0?.bulleted == true ? $0 : nil }
            let numbers = bulleted.compactMap { SquashSuffix.split($0.text).number }
            let pullRequestList = numbers.count >= 2 && Set(numbers).count == numbers.count
                && !numbers.contains(where: { $0 == ownNumber })
            let workLog = isWorkLog(bodyLines, headers: headers)
            var index = 0
            var previousWasChange = false
            while index < bodyLines.count {
                let line = bodyLines[index]
                guard let found = headers[index], normalized(descriptionText(found.text)) != own else {
                    keptBody.append(line)
                    previousWasChange = false
                    index += 1
                    continue
                }
                let accepted: Bool
                if found.bulleted {
                    accepted = pullRequestList && SquashSuffix.split(found.text).number != nil
                } else {
                    let opensParagraph = index == 0 || isBlank(bodyLines[index - 1])
                    accepted = !workLog && (opensParagraph || previousWasChange)
                }
                guard accepted else {
                    keptBody.append(line)
                    previousWasChange = false
                    index += 1
                    continue
                }
                // Its lines: up to a blank line or the next header; a bulleted change keeps only indented lines.
                var block: [String] = []
                var next = index + 1
                while next < bodyLines.count, !isBlank(bodyLines[next]), headers[next] == nil,
                      !found.bulleted || bodyLines[next].hasPrefix("  ") {
                    block.append(bodyLines[next])
                    next += 1
                }
                changes.append(change(found.text, lines: block))
                previousWasChange = true
                index = next
            }
        }
        var keptFooters: [Footer] = []
        for (index, footer) in message.footers.enumerated() {
            guard footerChanges.contains(index) else {
                keptFooters.append(footer)
                continue
            }
            // Its value's lines: a header line among them (`fix: a` / `fix(x): b` / `fix: c`, the second not
            // a trailer) starts another change; the other lines belong to the change above them.
            let lines = footer.value.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var found: [(header: String, lines: [String])] = [(footer.token + ": " + lines[0], [])]
            for line in lines.dropFirst() {
                if let next = header(in: line, types: types), !next.bulleted {
                    found.append((next.text, []))
                } else {
                    found[found.count - 1].lines.append(line)
                }
            }
            guard CommitMessageParser.parse(found[0].header).conventional != nil else {
                keptFooters.append(footer)
                continue
            }
            for item in found where normalized(descriptionText(item.header)) != own {
                changes.append(change(item.header, lines: item.lines))
            }
        }
        guard !changes.isEmpty else { return nil }

        var commit = message
        let body = keptBody.joined(separator: "\n").trimmedWhitespace()
        commit.body = body.isEmpty ? nil : body
        commit.footers = keptFooters
        if var conventional = commit.conventional {
            let bang = CommitMessageParser.parse(message.subject).conventional?.isBreaking ?? false
            let breaking = keptFooters.filter(\.isBreakingChange).map(\.value)
            conventional.body = commit.body
            conventional.footers = keptFooters
            conventional.isBreaking = bang || !breaking.isEmpty
            conventional.breakingDescriptions = breaking.filter { !$0.isEmpty }
            commit.conventional = conventional
        }
        return Split(commit: commit, changes: changes)
    }

    /// False when no line of `body` starts the way `header(in:types:)` needs: an optional bullet (`* `, `- `,
    /// `+ ` and spaces), then one of `types` in lower case, then `(`, `!` or `:`. True does not mean a header
    /// is there; false means none is.
    static func mayHaveHeaderLine(_ body: String, types: Set<String>) -> Bool {
        var body = body
        return body.withUTF8 { bytes in
            let count = bytes.count
            var lineStart = 0
            while lineStart < count {
                var index = lineStart
                if index + 1 < count, bytes[index] == UInt8(ascii: "*") || bytes[index] == UInt8(ascii: "-")
                    || bytes[index] == UInt8(ascii: "+"), bytes[index + 1] == UInt8(ascii: " ") {
                    index += 2
                    while index < count, bytes[index] == UInt8(ascii: " ") { index += 1 }
                }
                let wordStart = index
                while index < count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(bytes[index])
                    || bytes[index] == UInt8(ascii: "-") { index += 1 }
                if index > wordStart, index < count,
                   bytes[index] == UInt8(ascii: "(") || bytes[index] == UInt8(ascii: "!") || bytes[index] == UInt8(ascii: ":"),
                   types.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), as: UTF8.self)) {
                    return true
                }
                while index < count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                lineStart = index + 1
            }
            return false
        }
    }

    /// A header line: its text without the bullet, and whether it had one.
    struct HeaderLine: Equatable {
        var text: String
        var bulleted: Bool
    }

    /// `line` as a header of one of `types`, or nil.
    static func header(in line: String, types: Set<String>) -> HeaderLine? {
        var text = Substring(line)
        var bulleted = false
        if let first = text.first, first == "*" || first == "-" || first == "+", text.dropFirst().first == " " {
            text = text.dropFirst(2).drop { $0 == " " }
            bulleted = true
        }
        // The type as written: lower-case letters (and `-`), then `(`, `!` or `:`.
        let type = text.prefix { ("a"..."z").contains($0) || $0 == "-" }
        guard !type.isEmpty, types.contains(String(type)) else { return nil }
        let after = text.dropFirst(type.count).first
        guard after == "(" || after == "!" || after == ":" else { return nil }
        let candidate = String(text).trimmedWhitespace()
        guard let conventional = CommitMessageParser.parse(candidate).conventional, conventional.type == String(type)
        else { return nil }
        return HeaderLine(text: candidate, bulleted: bulleted)
    }

    /// True when the body reads as commit messages pasted one after another: a paragraph of a few words
    /// that is no sentence and no header (`format`, `fix imports`), or a trailer with more text right under it
    /// (`Closes #12` then `fix: …`).
    static func isWorkLog(_ lines: [String], headers: [HeaderLine?]) -> Bool {
        var index = 0
        while index < lines.count {
            guard !isBlank(lines[index]) else { index += 1; continue }
            var end = index
            while end < lines.count, !isBlank(lines[end]) { end += 1 }
            if end - index == 1, headers[index] == nil, isWorkingStep(lines[index]) { return true }
            for line in index..<(end - 1) where isTrailer(lines[line]) && headers[line] == nil
                && !isTrailer(lines[line + 1]) && !lines[line + 1].hasPrefix(" ") {
                return true
            }
            index = end
        }
        return false
    }

    /// A working commit's subject: at most five words, no sentence end, no reference, link or markup.
    private static func isWorkingStep(_ line: String) -> Bool {
        let text = line.trimmedWhitespace()
        guard let first = text.first, first.isLetter, let last = text.last else { return false }
        if ".:!?;,)".contains(last) { return false }
        if text.contains(where: { "#@/:`[]<>|*=".contains($0) }) { return false }
        return text.split(separator: " ").count <= 5
    }

    /// `Token: value` or `Token #value` at the start of the line.
    private static func isTrailer(_ line: String) -> Bool {
        let token = line.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
        guard !token.isEmpty, token.first?.isLetter == true else { return false }
        let rest = line.dropFirst(token.count)
        return rest.hasPrefix(": ") || rest.hasPrefix(" #")
    }

    /// One change: its header and the lines under it (dedented), parsed as a message.
    private static func change(_ header: String, lines: [String]) -> ParsedMessage {
        let indent = lines.filter { !isBlank($0) }.map { $0.prefix { $0 == " " || $0 == "\t" }.count }.min() ?? 0
        let body = lines.map { String($0.dropFirst(min(indent, $0.prefix { $0 == " " || $0 == "\t" }.count))) }
            .joined(separator: "\n")
        return CommitMessageParser.parse(body.isEmpty ? header : header + "\n\n" + body)
    }

    /// The description of a header line, or the line itself.
    private static func descriptionText(_ header: String) -> String {
        CommitMessageParser.parse(header).conventional?.description ?? header
    }

    /// For comparing descriptions: lower case, no `(#N)` suffix, no punctuation or extra spaces.
    static func normalized(_ text: String) -> String {
        SquashSuffix.split(text).text.lowercased().split { !$0.isLetter && !$0.isNumber }.joined(separator: " ")
    }

    private static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" } }
}
