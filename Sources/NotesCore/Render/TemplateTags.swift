import Foundation

/// The tags of a Mustache template, read the way swift-mustache reads them (set-delimiter tags included),
/// and the checks made before a template reaches swift-mustache, which crashes or silently renders nothing
/// on some inputs:
/// - a tag that is never closed (`{{`, `text {{name`): swift-mustache renders the text before it and exits 0;
/// - set-delimiter tags with one-character delimiters (`{{=[ ]=}}`): with an empty section swift-mustache
///   dies (SIGILL); delimiters must be at least two characters (`{{=<% %>=}}`);
/// - sections nested deeper than ``maximumDepth``: 3,000 levels overflowed the stack (SIGSEGV);
/// - partials and template inheritance (`{{>name}}`, `{{<parent}}`, `{{$block}}`): notes renders a template
///   alone, so they would render nothing;
/// - tags without a name (`{{}}`, `{{#}}`).
/// Every error is a template error (exit 4) naming the file and the line.
public enum TemplateTags {
    /// How deep sections may nest.
    public static let maximumDepth = 100

    /// One tag.
    public struct Tag: Sendable, Hashable {
        /// `#`, `^`, `/`, `!`, `>`, `%`, `=`, `&`, `{` (triple mustache), `<`, `$`, or " " for a variable.
        public var kind: Character
        /// The name (or, for `=`, the new delimiters; for `!`, the comment), trimmed.
        public var name: String
        /// 1-based line of the tag's start.
        public var line: Int
    }

    /// The tags of `text`, in order. `displayName` names the file in errors.
    /// - Throws: ``NotesError`` `.template` for an unclosed tag or a set-delimiter tag that cannot be used.
    public static func tags(in text: String, displayName: String) throws -> [Tag] {
        let characters = Array(text.unicodeScalars)
        var open = Array("{{".unicodeScalars), close = Array("}}".unicodeScalars)
        var result: [Tag] = []
        var line = 1
        var index = 0

        func matches(_ needle: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + needle.count <= characters.count else { return false }
            for offset in 0..<needle.count where characters[position + offset] != needle[offset] { return false }
            return true
        }
        func find(_ needle: [Unicode.Scalar], from start: Int) -> Int? {
            var position = start
            while position + needle.count <= characters.count {
                if matches(needle, at: position) { return position }
                position += 1
            }
            return nil
        }
        func error(_ line: Int, _ message: String, hint: String) -> NotesError {
            NotesError(.template, "\(displayName):\(line): \(message)", hint: hint)
        }
        func excerpt(from start: Int) -> String {
            var end = start
            while end < characters.count && characters[end] != "\n" && end - start < 40 { end += 1 }
            var text = String(String.UnicodeScalarView(characters[start..<end]))
            if end < characters.count && characters[end] != "\n" { text += "…" }
            return text
        }

        while index < characters.count {
            if characters[index] == "\n" {
                line += 1
                index += 1
                continue
            }
            guard matches(open, at: index) else {
                index += 1
                continue
            }
            let tagLine = line
            let tagStart = index
            var start = index + open.count
            var closing = close
            let isDefault = open == Array("{{".unicodeScalars) && close == Array("}}".unicodeScalars)
            let triple = isDefault && start < characters.count && characters[start] == "{"
            if triple {
                start += 1
                closing = Array("}".unicodeScalars) + close
            }
            guard let end = find(closing, from: start) else {
                throw error(tagLine, "a tag is not closed: \(excerpt(from: index))",
                            hint: "close it with \(String(String.UnicodeScalarView(closing))), or write the text "
                                + "without \(String(String.UnicodeScalarView(open)))")
            }
            let inner = String(String.UnicodeScalarView(characters[start..<end]))
            line += inner.unicodeScalars.filter { $0 == "\n" }.count
            index = end + closing.count
            let trimmed = inner.trimmingCharacters(in: .whitespacesAndNewlines)
            var kind: Character = triple ? "{" : " "
            var name = trimmed
            if !triple, let first = trimmed.first, "#^/!>%=&<$".contains(first) {
                kind = first
                name = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if kind == "=" {
                guard name.hasSuffix("=") else {
                    throw error(tagLine, "invalid set-delimiter tag: \(excerpt(from: tagStart))",
                                hint: "write it as {{=<% %>=}}: two delimiters, a space between, = at both ends")
                }
                let parts = name.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard parts.count == 2, parts.allSatisfy({ !$0.contains("=") }) else {
                    throw error(tagLine, "invalid set-delimiter tag: {{=\(name)}}",
                                hint: "write it as {{=<% %>=}}: two delimiters, a space between, = at both ends")
                }
                guard parts.allSatisfy({ $0.unicodeScalars.count >= 2 }) else {
                    throw error(tagLine, "set-delimiter tag with one-character delimiters: \(excerpt(from: tagStart))",
                                hint: "use delimiters of at least two characters, such as {{=<% %>=}}")
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
                name = parts.joined(separator: " ")
            }
            result.append(Tag(kind: kind, name: name, line: tagLine))
        }
        return result
    }

    /// Checks `source` before it is compiled: see the type's documentation for what is refused.
    public static func check(_ source: TemplateSource) throws {
        var depth = 0
        for tag in try tags(in: source.text, displayName: source.displayName) {
            let place = "\(source.displayName):\(tag.line)"
            switch tag.kind {
            case ">", "<", "$":
                throw NotesError(.template, "\(place): partials and template inheritance are not supported: "
                    + "{{\(tag.kind)\(tag.name)}} would render nothing",
                                 hint: "put the text in the template itself")
            case "!", "%", "=":
                continue
            default:
                break
            }
            if tag.name.isEmpty {
                throw NotesError(.template, "\(place): a tag without a name: {{\(tag.kind == " " ? "" : String(tag.kind))}}",
                                 hint: "write a name from `notes draft --context` inside it, or remove it")
            }
            switch tag.kind {
            case "#", "^":
                depth += 1
                if depth > maximumDepth {
                    throw NotesError(.template, "\(place): sections nested more than \(maximumDepth) deep",
                                     hint: "nest sections at most \(maximumDepth) levels")
                }
            case "/":
                depth = max(0, depth - 1)
            default:
                break
            }
        }
    }
}
