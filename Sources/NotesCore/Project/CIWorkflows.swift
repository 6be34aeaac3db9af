import Foundation

/// What a repository's CI says about release tags: GitHub Actions workflows (`on.push.tags` and
/// `tags-ignore` filters, `startsWith(github.ref, 'refs/tags/…')` conditions) and GitLab CI rules on
/// `$CI_COMMIT_TAG`. Read with a line scanner over the few keys notes needs, in linear time (a full YAML
/// parser would expand a hostile file's aliases; these files are untrusted input in CI).
public struct CIWorkflow: Sendable, Hashable {
    /// The file, repository-relative (`.github/workflows/python-wheels.yml`).
    public var file: String
    /// The workflow's `name:`, when it has one.
    public var name: String?
    /// The `on.push.tags` patterns, in order; nil when the workflow has no tag filter.
    public var tagPatterns: [RefPattern]?
    /// The `on.push.tags-ignore` patterns.
    public var ignoredTags: [RefPattern] = []
    /// The line of the tag filter (or of the first rule), 1-based.
    public var line: Int = 0
    /// Tag prefixes of `startsWith(github.ref, 'refs/tags/PREFIX')` conditions (or GitLab's `^PREFIX` rules),
    /// with their lines: the jobs that publish run only for such tags.
    public var conditions: [(prefix: String, line: Int)] = []
    /// True for a GitLab pipeline that runs on every tag (`only: tags`, `if: $CI_COMMIT_TAG`).
    public var anyTag = false
    /// The path-like words of the file, to look for a package's folder in (`working-directory: barter-python`).
    let paths: Set<String>

    init(file: String, text: [UInt8]) {
        self.file = file
        paths = Self.pathWords(text)
    }

    public static func == (lhs: CIWorkflow, rhs: CIWorkflow) -> Bool { lhs.file == rhs.file && lhs.paths == rhs.paths }
    public func hash(into hasher: inout Hasher) { hasher.combine(file) }

    /// True when the workflow has a tag trigger at all.
    public var isTagTriggered: Bool { tagPatterns != nil || !ignoredTags.isEmpty || anyTag || !conditions.isEmpty }

    /// True when pushing the tag `name` runs this workflow (its filter, or its GitLab rules, match).
    public func runs(on name: String) -> Bool {
        if anyTag { return true }
        if let patterns = tagPatterns {
            return RefPattern.list(patterns, matches: name) && !ignoredTags.contains { $0.matches(name) }
        }
        if !ignoredTags.isEmpty { return !ignoredTags.contains { $0.matches(name) } }
        // GitLab: the rules are the trigger.
        return !conditions.isEmpty && conditions.contains { name.hasPrefix($0.prefix) }
    }

    /// True when the tag `name` also passes the workflow's `startsWith(github.ref, …)` conditions (none: true).
    public func publishes(_ name: String) -> Bool {
        conditions.isEmpty || conditions.contains { name.hasPrefix($0.prefix) }
    }

    /// How the trigger reads, for messages: `on.push.tags "v*"` or `$CI_COMMIT_TAG =~ /^v/`.
    public var triggerDescription: String {
        if let tagPatterns {
            return "on.push.tags " + tagPatterns.map { "\"\($0)\"" }.joined(separator: ", ")
        }
        if anyTag { return "every tag" }
        return conditions.map { "refs/tags/\($0.prefix)…" }.joined(separator: ", ")
    }

    /// True when the file names `folder` as a path (`working-directory: barter-python`,
    /// `-m barter-python/Cargo.toml`, `cd ./crates/foo`): a whole path-like word, or its start up to a `/`.
    /// `barter` is not named by `barter-python`, nor `foo` by `crates/foo`.
    public func mentions(folder: String) -> Bool {
        !folder.isEmpty && paths.contains(folder)
    }

    /// Every path-like word of the file and each of its leading folders (`crates/foo/Cargo.toml` gives
    /// `crates`, `crates/foo` and itself), found once in one pass: asking about many packages costs a set
    /// lookup each, whatever the file holds.
    static func pathWords(_ text: [UInt8]) -> Set<String> {
        var words = Set<String>()
        func isPathByte(_ byte: UInt8) -> Bool {
            UTF8Scan.isLetter(byte) || UTF8Scan.isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "@") || byte >= 0x80
        }
        var index = 0
        while index < text.count {
            guard isPathByte(text[index]) else { index += 1; continue }
            var end = index
            while end < text.count, isPathByte(text[end]) { end += 1 }
            var word = Array(text[index..<min(end, index + 512)])
            while word.count >= 2, word[0] == UInt8(ascii: "."), word[1] == UInt8(ascii: "/") { word.removeFirst(2) }
            while word.last == UInt8(ascii: "/") || word.last == UInt8(ascii: ".") { word.removeLast() }
            for (position, byte) in word.enumerated() where byte == UInt8(ascii: "/") && position > 0 {
                words.insert(String(decoding: word[..<position], as: UTF8.self))
            }
            if !word.isEmpty { words.insert(String(decoding: word, as: UTF8.self)) }
            index = end
        }
        return words
    }

}

/// Reads the CI configuration of a work tree.
public enum CIWorkflows {
    /// At most this many bytes of workflow files are read in all (a file is read whole, up to 1 MiB).
    static let totalLimit = 8 << 20

    /// The workflows under `.github/workflows/` (`*.yml`, `*.yaml`, at most 200) and `.gitlab-ci.yml`, as
    /// `read` gives their bytes (nil: unreadable) and `list` names a folder's files.
    public static func read(list: (String) -> [String], read: (String) -> [UInt8]?) -> [CIWorkflow] {
        var workflows: [CIWorkflow] = []
        var total = 0
        let names = list(".github/workflows").filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted().prefix(200)
        for name in names {
            let path = ".github/workflows/" + name
            guard total < totalLimit, let bytes = read(path) else { continue }
            total += bytes.count
            workflows.append(github(bytes, file: path))
        }
        if let bytes = read(".gitlab-ci.yml") { workflows.append(gitlab(bytes, file: ".gitlab-ci.yml")) }
        return workflows
    }

    /// One GitHub Actions workflow.
    public static func github(_ bytes: [UInt8], file: String) -> CIWorkflow {
        var workflow = CIWorkflow(file: file, text: bytes)
        let lines = YAMLLines(bytes)
        var stack: [(indent: Int, key: String)] = []
        var collecting: (ignore: Bool, indent: Int)?
        for line in lines.lines {
            if line.isItem, let collector = collecting, line.indent >= collector.indent {
                add(line.value, ignore: collector.ignore, line: line.number, to: &workflow)
                continue
            }
            collecting = nil
            guard let key = line.key else { continue }
            while let top = stack.last, top.indent >= line.indent { stack.removeLast() }
            let path = stack.map(\.key) + [key]
            if path.count == 1, key == "name", workflow.name == nil, !line.value.isEmpty { workflow.name = unquoted(line.value) }
            if path == ["on", "push", "tags"] || path == ["on", "push", "tags-ignore"] {
                let ignore = key == "tags-ignore"
                if !ignore { workflow.tagPatterns = workflow.tagPatterns ?? [] }
                if workflow.line == 0 { workflow.line = line.number }
                if line.value.hasPrefix("[") {
                    for item in inlineList(line.value) { add(item, ignore: ignore, line: line.number, to: &workflow) }
                } else if !line.value.isEmpty {
                    add(line.value, ignore: ignore, line: line.number, to: &workflow)
                } else {
                    collecting = (ignore, line.indent)
                }
            } else if path == ["on"] || path == ["on", "push"], line.value.hasPrefix("{"),
                      let range = line.value.range(of: "tags:") {
                // Flow style: `on: { push: { tags: [v*] } }`.
                let rest = line.value[range.upperBound...].trimmingCharacters(in: .whitespaces)
                workflow.tagPatterns = Array(inlineList(rest).prefix(maximumPatterns).compactMap(RefPattern.init))
                workflow.line = line.number
            }
            if line.value.isEmpty { stack.append((line.indent, key)) }
        }
        workflow.conditions = refConditions(in: bytes, lines: lines)
        return workflow
    }

    private static func add(_ item: String, ignore: Bool, line: Int, to workflow: inout CIWorkflow) {
        guard let pattern = RefPattern(unquoted(item)) else { return }
        if workflow.line == 0 { workflow.line = line }
        // In place, and at most `maximumPatterns` of each: a hostile list of 260,000 `- a` items must cost linear
        // time here and bounded work in every tag the model tries against it.
        if ignore {
            if workflow.ignoredTags.count < maximumPatterns { workflow.ignoredTags.append(pattern) }
        } else {
            if workflow.tagPatterns == nil { workflow.tagPatterns = [] }
            if workflow.tagPatterns!.count < maximumPatterns { workflow.tagPatterns!.append(pattern) }
        }
    }

    /// The most tag patterns (and as many ignored ones) read from one workflow.
    static let maximumPatterns = 200

    /// `startsWith(github.ref, 'refs/tags/PREFIX')` and `startsWith(github.ref_name, 'PREFIX')`.
    static func refConditions(in bytes: [UInt8], lines: YAMLLines) -> [(prefix: String, line: Int)] {
        var found: [(prefix: String, line: Int)] = []
        for line in lines.raw {
            var rest = Substring(line.text)
            // `firstRange(of:)`, not Foundation's `range(of:)`, which copies the rest of the line at every call.
            while let range = rest.firstRange(of: "startsWith(") {
                rest = rest[range.upperBound...]
                let arguments = rest.prefix(300).prefix { $0 != ")" }
                let parts = arguments.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { continue }
                let value = unquoted(parts[1])
                if parts[0] == "github.ref", value.hasPrefix("refs/tags/") {
                    found.append((String(value.dropFirst("refs/tags/".count)), line.number))
                } else if parts[0] == "github.ref_name" {
                    found.append((value, line.number))
                }
            }
        }
        return found
    }

    /// A GitLab CI file: `$CI_COMMIT_TAG =~ /^PREFIX…/` rules, `if: $CI_COMMIT_TAG` and `only: tags`.
    public static func gitlab(_ bytes: [UInt8], file: String) -> CIWorkflow {
        var workflow = CIWorkflow(file: file, text: bytes)
        let lines = YAMLLines(bytes)
        var previousKey: String?
        for line in lines.raw {
            let text = line.text
            var rest = Substring(text)
            while let range = rest.firstRange(of: "$CI_COMMIT_TAG") {
                rest = rest[range.upperBound...]
                let after = rest.drop { $0 == " " }
                if after.hasPrefix("=~") {
                    let regex = after.dropFirst(2).drop { $0 == " " }
                    guard regex.hasPrefix("/") else { continue }
                    workflow.conditions.append((literalPrefix(ofRegex: regex.dropFirst()), line.number))
                } else if after.isEmpty || after.hasPrefix("\"") || after.hasPrefix("'") || after.hasPrefix("&&")
                            || after.hasPrefix("||") {
                    workflow.anyTag = true
                }
                if workflow.line == 0 { workflow.line = line.number }
            }
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed == "only: [tags]" || trimmed == "only: tags" || (previousKey == "only" && trimmed == "- tags") {
                workflow.anyTag = true
                if workflow.line == 0 { workflow.line = line.number }
            }
            if trimmed.hasSuffix(":") { previousKey = String(trimmed.dropLast()) } else if !trimmed.hasPrefix("-") { previousKey = nil }
        }
        if workflow.anyTag { workflow.conditions.removeAll { $0.prefix.isEmpty } }
        return workflow
    }

    /// The literal text a regular expression anchored with `^` requires first (`^v\d+` → `v`,
    /// `^barter-python-v` → `barter-python-v`); "" when it is not anchored or starts with a class.
    static func literalPrefix(ofRegex regex: Substring) -> String {
        guard regex.hasPrefix("^") else { return "" }
        var prefix = ""
        var index = regex.index(after: regex.startIndex)
        while index < regex.endIndex, prefix.count < 200 {
            let character = regex[index]
            if character == "\\" {
                let next = regex.index(after: index)
                guard next < regex.endIndex, ".-_/@".contains(regex[next]) else { break }
                prefix.append(regex[next])
                index = regex.index(after: next)
                continue
            }
            guard character.isLetter || character.isNumber || "-_@".contains(character) else { break }
            // A quantifier after it makes the character optional or repeated: it is not required as written.
            let next = regex.index(after: index)
            if next < regex.endIndex, "?*{".contains(regex[next]) { break }
            prefix.append(character)
            index = next
        }
        return prefix
    }

    static func inlineList(_ value: String) -> [String] {
        guard let open = value.firstIndex(of: "["), let close = value.lastIndex(of: "]"), open < close else { return [] }
        var items: [String] = []
        var current = ""
        var quote: Character?
        for character in value[value.index(after: open)..<close] {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "," {
                items.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items.filter { !$0.isEmpty }
    }

    static func unquoted(_ value: String) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}

/// The lines of a YAML file as the scanner needs them: indentation, a `key: value` or a `- item`, comments
/// removed outside quotes. Not a YAML parser: block mappings and sequences, which is how workflow files are
/// written.
struct YAMLLines {
    struct Line {
        var number: Int
        var indent: Int
        var key: String?
        var value: String
        var isItem: Bool
    }

    struct Raw {
        var number: Int
        var text: String
    }

    var lines: [Line] = []
    var raw: [Raw] = []

    init(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        var number = 0
        // `"\r\n"` is one Character, which `split(separator: "\n")` never matches: CRLF files were one line.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            line = Self.removingComment(line)
            raw.append(Raw(number: number, text: line))
            let indent = line.prefix { $0 == " " }.count
            var content = line.dropFirst(indent).trimmingCharacters(in: .whitespaces)
            guard !content.isEmpty else { continue }
            var isItem = false
            if content == "-" || content.hasPrefix("- ") {
                isItem = true
                content = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
            }
            var key: String?
            var value = content
            if !isItem, let colon = Self.keyColon(in: content) {
                key = CIWorkflows.unquoted(String(content[..<colon]))
                value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                // YAML 1.1 reads a bare `on` as true; GitHub's key is `on` all the same.
                if key == "true" { key = "on" }
            }
            lines.append(Line(number: number, indent: indent, key: key, value: value, isItem: isItem))
        }
    }

    /// The colon that ends a mapping key (followed by a blank or the end), outside quotes.
    static func keyColon(in content: String) -> String.Index? {
        var quote: Character?
        var index = content.startIndex
        while index < content.endIndex {
            let character = content[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                if index == content.startIndex { quote = character }
            } else if character == ":" {
                let next = content.index(after: index)
                if next == content.endIndex || content[next] == " " || content[next] == "\t" { return index }
            } else if character == "{" || character == "[" {
                return nil
            }
            index = content.index(after: index)
        }
        return nil
    }

    /// The line without a `#` comment (a `#` at the start or after a blank, outside quotes).
    static func removingComment(_ line: String) -> String {
        var quote: Character?
        var previous: Character = " "
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                return String(line[..<index])
            }
            previous = character
            index = line.index(after: index)
        }
        return line
    }
}
