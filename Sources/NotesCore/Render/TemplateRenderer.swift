import Foundation
import Mustache

/// A template's text and the name errors call it by (a path, or `templates/NAME` for a built-in).
public struct TemplateSource: Sendable {
    /// Shown in errors: the file's path as the user gave it, or `templates/release-notes.md` (built-in).
    public var displayName: String
    /// The template text.
    public var text: String
    /// True for a built-in template: its tags and names were checked by the test suite (`TemplateSafetyTests`),
    /// so a command does not check them again (the name check encodes an example view model to JSON:
    /// 12M instructions, a tenth of a 100k-commit repository's latest draft).
    public let isBuiltin: Bool

    /// Makes a source.
    public init(displayName: String, text: String) {
        self.init(displayName: displayName, text: text, isBuiltin: false)
    }

    private init(displayName: String, text: String, isBuiltin: Bool) {
        self.displayName = displayName
        self.text = text
        self.isBuiltin = isBuiltin
    }

    /// A built-in template by file name (`release-notes.md`), nil when there is none.
    public static func builtin(_ name: String) -> TemplateSource? {
        BuiltinTemplates.files[name].map {
            TemplateSource(displayName: "templates/\(name) (built-in)", text: $0, isBuiltin: true)
        }
    }

    /// Reads a template file named as `scope` says (``WorkTreeBoundary``: a template the repository names
    /// must be a regular file inside the work tree); a missing or unreadable file is a template error naming
    /// the path, a refused one has the code `failure`. At most ``ConfigurationLoader/maximumTemplateBytes``.
    public static func file(_ path: String, scope: PathScope, failure: NotesError.ExitCode = .template,
                            display: String? = nil) throws -> TemplateSource {
        let display = display ?? path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw NotesError(.template, "template \(display) does not exist",
                             hint: "check the path, or leave out --template to use the built-in template")
        }
        guard let bytes = try scope.boundary.read(path, origin: scope.origin, display: "template \(display)",
                                                  limit: ConfigurationLoader.maximumTemplateBytes, failure: failure)
        else {
            throw NotesError(.template, "template \(display) cannot be read")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw NotesError(.template, "template \(display) is not UTF-8 text")
        }
        return TemplateSource(displayName: display, text: text)
    }
}

/// Renders view models through swift-mustache templates, as plain text (no HTML escaping), and turns
/// its parser errors into sentences that name the file, the line and the section.
public struct TemplateRenderer: Sendable {
    private let template: MustacheTemplate
    /// The template's source.
    public let source: TemplateSource

    private static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// Compiles `source`. Templates are rendered as text: when the template does not set
    /// `CONTENT_TYPE` itself, `{{% CONTENT_TYPE: TEXT}}` is put in front of it.
    /// - Throws: ``NotesError`` `.template` (file and line) for a syntax error, and for what ``TemplateTags``
    ///   refuses before swift-mustache sees it (unclosed tags, one-character delimiters, deep nesting, partials).
    public init(_ source: TemplateSource) throws {
        self.source = source
        if !source.isBuiltin { try TemplateTags.check(source) }
        let needsPragma = !source.text.contains("CONTENT_TYPE")
        let text = needsPragma ? Self.textPragma + "\n" + source.text : source.text
        do {
            template = try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw Self.describe(error, in: source, lineOffset: needsPragma ? 1 : 0)
        }
    }

    /// Renders `context`, iterating at most a number of list items linear in the context's size
    /// (``RenderBudget``).
    /// - Throws: ``NotesError`` `.template` naming the template's most deeply nested section when the render
    ///   would iterate more (sections nested over the same long list).
    public func render(_ context: Any) throws -> String {
        try render(context, budget: RenderBudget(viewItems: (context as? any TemplateSized)?.templateItemCount ?? 0))
    }

    func render(_ context: Any, budget: RenderBudget) throws -> String {
        let text = RenderBudget.$current.withValue(budget) {
            if let fields = context as? any TemplateFields { return template.render(templateObject(fields)) }
            return template.render(context)
        }
        guard budget.exceeded else { return text }
        let deepest = Self.deepestSection(in: source)
        let place = deepest.map { "\(source.displayName):\($0.line)" } ?? source.displayName
        let section = deepest.map { " (section \"\($0.name)\" is nested \($0.depth) deep)" } ?? ""
        throw NotesError(.template, "\(place): the template iterates more than \(budget.limit) list items\(section): "
            + "sections nested over the same list multiply its length", hint: "nest fewer sections over long lists such as commits; "
            + "`notes draft --context` shows how long each list is")
    }

    /// The first of the most deeply nested sections (`{{#name}}`), with its depth from 1.
    static func deepestSection(in source: TemplateSource) -> (name: String, line: Int, depth: Int)? {
        guard let tags = try? TemplateTags.tags(in: source.text, displayName: source.displayName) else { return nil }
        var depth = 0
        var deepest: (name: String, line: Int, depth: Int)?
        for tag in tags {
            switch tag.kind {
            case "#", "^":
                depth += 1
                if tag.kind == "#", depth > (deepest?.depth ?? 0) { deepest = (tag.name, tag.line, depth) }
            case "/":
                depth = max(0, depth - 1)
            default:
                break
            }
        }
        return deepest
    }

    static func describe(_ error: MustacheTemplate.ParserError, in source: TemplateSource, lineOffset: Int)
        -> NotesError
    {
        let line = max(1, error.context.lineNumber - lineOffset)
        let place = "\(source.displayName):\(line)"
        let hint = "fix the template; `notes draft --context` shows every name it can use"
        switch error.error {
        case MustacheTemplate.Error.expectedSectionEnd:
            if let open = SectionScanner.unclosedSection(in: source.text) {
                return NotesError(.template, "\(source.displayName):\(open.line): unclosed section \"\(open.name)\"",
                                  hint: "close it with {{/\(open.name)}}")
            }
            return NotesError(.template, "\(place): a section is not closed", hint: hint)
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            let detail = SectionScanner.mismatchedClose(in: source.text)
                .map { " {{/\($0.closed)}} closes section \"\($0.open)\" opened on line \($0.openLine)" } ?? ""
            return NotesError(.template, "\(place): closing tag does not match its section:\(detail)", hint: hint)
        case MustacheTemplate.Error.unfinishedName:
            return NotesError(.template, "\(place): unfinished tag name: \(error.context.line.trimmingCharacters(in: .whitespaces))",
                              hint: hint)
        case MustacheTemplate.Error.invalidSetDelimiter:
            return NotesError(.template, "\(place): invalid set-delimiter tag", hint: hint)
        case MustacheTemplate.Error.unrecognisedConfigVariable, MustacheTemplate.Error.invalidConfigVariableSyntax:
            return NotesError(.template, "\(place): unknown pragma; only {{% CONTENT_TYPE: TEXT}} is supported", hint: hint)
        default:
            if "\(error.error)" == "overflow" {
                let open = source.text.components(separatedBy: "\n").enumerated()
                    .last { $0.element.contains("{{") }
                let line = (open?.offset ?? 0) + 1
                return NotesError(.template, "\(source.displayName):\(line): a tag is not closed: "
                    + (open?.element.trimmingCharacters(in: .whitespaces) ?? ""), hint: hint)
            }
            return NotesError(.template, "\(place): \(error.error)", hint: hint)
        }
    }
}

/// Finds sections in a Mustache template's text, for error messages only (the real parse is swift-mustache's).
enum SectionScanner {
    struct Tag { let kind: Character; let name: String; let line: Int }

    static func tags(in text: String) -> [Tag] {
        var result: [Tag] = []
        var line = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" { line += 1 }
            if text[index...].hasPrefix("{{"), let close = text[index...].range(of: "}}") {
                let inner = text[text.index(index, offsetBy: 2)..<close.lowerBound].trimmingCharacters(in: .whitespaces)
                if let kind = inner.first, "#^/".contains(kind) {
                    result.append(Tag(kind: kind, name: inner.dropFirst().trimmingCharacters(in: .whitespaces), line: line))
                }
                line += text[index..<close.lowerBound].filter { $0 == "\n" }.count
                index = close.upperBound
                continue
            }
            index = text.index(after: index)
        }
        return result
    }

    static func unclosedSection(in text: String) -> (name: String, line: Int)? {
        var stack: [Tag] = []
        for tag in tags(in: text) {
            if tag.kind == "/" {
                if stack.last?.name == tag.name { stack.removeLast() } else { return nil }
            } else {
                stack.append(tag)
            }
        }
        return stack.last.map { ($0.name, $0.line) }
    }

    static func mismatchedClose(in text: String) -> (closed: String, open: String, openLine: Int)? {
        var stack: [Tag] = []
        for tag in tags(in: text) {
            if tag.kind == "/" {
                guard let open = stack.popLast() else { return (tag.name, "(none)", tag.line) }
                if open.name != tag.name { return (tag.name, open.name, open.line) }
            } else {
                stack.append(tag)
            }
        }
        return nil
    }
}
