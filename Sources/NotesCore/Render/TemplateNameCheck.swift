import Foundation

/// Checks, before rendering, that every name a template uses exists in the view model (swift-mustache
/// renders a missing name as empty, which would silently drop text). It walks the template's tags with
/// Mustache's context stack: inside `{{#sections}}` the names of a section and of every outer level are
/// visible; `.`, the transforms (`empty(x)`, `first(x)`, `count(x)`, …) and, inside a list, `first`, `last`,
/// `index`, `even` and `odd` are understood. The names come from the view model encoded as JSON.
public enum TemplateNameCheck {
    indirect enum Shape {
        case object([String: Shape])
        case array(Shape)
        case scalar

        init(json: Any) {
            if let dictionary = json as? [String: Any] {
                self = .object(dictionary.mapValues(Shape.init(json:)))
            } else if let array = json as? [Any] {
                self = .array(array.first.map(Shape.init(json:)) ?? .scalar)
            } else {
                self = .scalar
            }
        }

        var keys: [String] {
            if case .object(let fields) = self { return fields.keys.sorted() }
            return []
        }

        func field(_ name: String) -> Shape? {
            if case .object(let fields) = self { return fields[name] }
            return nil
        }
    }

    struct Frame {
        var shape: Shape
        var isSequenceElement: Bool
    }

    static let sequenceNames: Set<String> = ["first", "last", "index", "even", "odd"]

    /// Throws a template error naming the file, line and name of the first name `example`'s JSON lacks.
    /// `example` must have every optional value set and every list non-empty.
    public static func check<T: Encodable>(_ source: TemplateSource, example: T) throws {
        let data = try JSONEncoder().encode(example)
        let json = try JSONSerialization.jsonObject(with: data)
        try check(source, root: Shape(json: json))
    }

    static func check(_ source: TemplateSource, root: Shape) throws {
        var stack = [Frame(shape: root, isSequenceElement: false)]
        for tag in try TemplateTags.tags(in: source.text, displayName: source.displayName) {
            switch tag.kind {
            case "!", "%", ">", "<", "$", "=":
                if tag.kind == "<" || tag.kind == "$" { stack.append(Frame(shape: .scalar, isSequenceElement: false)) }
                continue
            case "/":
                if stack.count > 1 { stack.removeLast() }
                continue
            default:
                break
            }
            let shape = try resolve(tag.name, stack: stack, source: source, line: tag.line)
            switch tag.kind {
            case "#":
                if case .array(let element) = shape {
                    stack.append(Frame(shape: element, isSequenceElement: true))
                } else {
                    stack.append(Frame(shape: shape, isSequenceElement: false))
                }
            case "^":
                stack.append(Frame(shape: .scalar, isSequenceElement: false))
            default:
                // A variable that is a table or a list would print a Swift debug dump of it.
                switch shape {
                case .object(let fields):
                    throw NotesError(.template, "\(source.displayName):\(tag.line): \"\(tag.name)\" is a table, not text: "
                        + "printing it would dump Swift's description of it",
                                     hint: "print one of its fields (\(fields.keys.sorted().prefix(5).joined(separator: ", "))), "
                                        + "or open it as a section: {{#\(tag.name)}}…{{/\(tag.name)}}")
                case .array:
                    throw NotesError(.template, "\(source.displayName):\(tag.line): \"\(tag.name)\" is a list, not text: "
                        + "printing it would dump Swift's description of it",
                                     hint: "loop over it: {{#\(tag.name)}}…{{/\(tag.name)}}")
                case .scalar:
                    break
                }
            }
        }
    }

    static func resolve(_ name: String, stack: [Frame], source: TemplateSource, line: Int) throws -> Shape {
        if name == "." { return stack.last?.shape ?? .scalar }
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            let function = String(name[..<open])
            let argument = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
                .trimmingCharacters(in: .whitespaces)
            let shape = try resolve(argument.isEmpty ? "." : argument, stack: stack, source: source, line: line)
            switch function {
            case "first", "last":
                if case .array(let element) = shape { return element }
                return .scalar
            case "reversed", "sorted", "enumerated":
                return shape
            default:
                return .scalar
            }
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, !head.isEmpty else { throw unknown(name, source: source, line: line, near: []) }
        var found: Shape?
        for frame in stack.reversed() {
            if let field = frame.shape.field(head) {
                found = field
                break
            }
            if frame.isSequenceElement && sequenceNames.contains(head) && parts.count == 1 { return .scalar }
        }
        guard var shape = found else {
            let visible = Set(stack.flatMap(\.shape.keys))
            throw unknown(name, source: source, line: line, near: Array(visible))
        }
        for part in parts.dropFirst() {
            guard let next = shape.field(part) else { throw unknown(name, source: source, line: line, near: shape.keys) }
            shape = next
        }
        return shape
    }

    static func unknown(_ name: String, source: TemplateSource, line: Int, near: [String]) -> NotesError {
        let last = String(name.split(separator: ".").last ?? Substring(name))
        let suggestion = Levenshtein.nearest(to: last, among: near.sorted()).map { "did you mean \"\($0)\"? " } ?? ""
        return NotesError(.template, "\(source.displayName):\(line): the template uses \"\(name)\", which the view model does not have here",
                          hint: "\(suggestion)`notes draft --context` shows every name; docs/context.md describes them")
    }
}
