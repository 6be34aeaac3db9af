/// Finds the line of each key and table header of a TOML document, for error messages only (TOMLKit
/// parses the values but does not say where a key is). Paths are written as the loader writes them:
/// `links.forge`, `package[1].paths` (elements of arrays of tables counted from 0). A small line scanner:
/// it steps over multi-line strings and multi-line arrays, and does not look inside inline tables.
struct TOMLKeyLines {
    private(set) var lines: [String: Int] = [:]
    /// Every table header (`[a.b]`, `[[c]]`), in file order: its line and its keys joined with dots.
    private(set) var headers: [(line: Int, path: String)] = []

    init(_ text: String) {
        var header: [String] = []
        var arrayCounts: [String: Int] = [:]
        var multilineQuote: String?
        var bracketDepth = 0
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            let number = offset + 1
            var line = Substring(rawLine)
            if let quote = multilineQuote {
                guard let close = line.range(of: quote) else { continue }
                multilineQuote = nil
                line = line[close.upperBound...]
                (multilineQuote, bracketDepth) = Self.scanValue(line, depth: bracketDepth)
                continue
            }
            if bracketDepth > 0 {
                (multilineQuote, bracketDepth) = Self.scanValue(line, depth: bracketDepth)
                continue
            }
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("[") {
                let isArray = trimmed.hasPrefix("[[")
                let inner = trimmed.dropFirst(isArray ? 2 : 1).prefix { $0 != "]" }
                let keys = Self.keys(inner)
                var path: [String] = []
                for (index, key) in keys.enumerated() {
                    let prefix = keys[...index].joined(separator: ".")
                    if isArray && index == keys.count - 1 {
                        let count = arrayCounts[prefix, default: 0]
                        arrayCounts[prefix] = count + 1
                        path.append("\(key)[\(count)]")
                    } else if let count = arrayCounts[prefix] {
                        path.append("\(key)[\(count - 1)]")
                    } else {
                        path.append(key)
                    }
                }
                header = path
                headers.append((number, keys.joined(separator: ".")))
                let joined = path.joined(separator: ".")
                if lines[joined] == nil { lines[joined] = number }
                // `[[section]]` is also found by `section`, for errors about the array as a whole.
                let bare = keys.joined(separator: ".")
                if lines[bare] == nil { lines[bare] = number }
                continue
            }
            guard !trimmed.hasPrefix("#"), let equals = Self.equalsSign(in: trimmed) else { continue }
            let keys = Self.keys(trimmed[..<equals])
            guard !keys.isEmpty else { continue }
            for length in 1...keys.count {
                let joined = (header + keys.prefix(length)).joined(separator: ".")
                if lines[joined] == nil { lines[joined] = number }
            }
            (multilineQuote, bracketDepth) = Self.scanValue(trimmed[trimmed.index(after: equals)...], depth: 0)
        }
    }

    /// The line of `path`, else of the nearest enclosing table or key that has one.
    func line(of path: String) -> Int? {
        var path = path
        while true {
            if let line = lines[path] { return line }
            guard let dot = path.lastIndex(of: ".") else { return nil }
            path = String(path[..<dot])
        }
    }

    static func keys(_ text: Substring) -> [String] {
        var keys: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let q = quote {
                if character == q { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                keys.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        keys.append(current.trimmingCharacters(in: .whitespaces))
        return keys.allSatisfy({ !$0.isEmpty }) ? keys : []
    }

    static func equalsSign(in line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let q = quote {
                if character == q { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
        }
        return nil
    }

    /// Steps over a value's text: returns the open multi-line string delimiter and the bracket depth at the line's end.
    static func scanValue(_ text: Substring, depth: Int) -> (String?, Int) {
        var depth = depth
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if rest.hasPrefix("\"\"\"") || rest.hasPrefix("'''") {
                let quote = String(rest.prefix(3))
                let after = text.index(index, offsetBy: 3)
                guard let close = text[after...].range(of: quote) else { return (quote, depth) }
                index = close.upperBound
                continue
            }
            let character = text[index]
            if character == "\"" || character == "'" {
                var probe = text.index(after: index)
                while probe < text.endIndex, text[probe] != character {
                    if character == "\"" && text[probe] == "\\" { probe = text.index(after: probe) }
                    if probe < text.endIndex { probe = text.index(after: probe) }
                }
                index = probe < text.endIndex ? text.index(after: probe) : probe
                continue
            }
            if character == "#" { break }
            if character == "[" { depth += 1 }
            if character == "]" { depth = max(0, depth - 1) }
            index = text.index(after: index)
        }
        return (nil, depth)
    }
}
