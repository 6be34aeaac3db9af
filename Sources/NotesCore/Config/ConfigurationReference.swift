/// Text made from `ConfigurationKeys.all`: the commented `notes.toml` that `notes init` writes, and the key
/// reference in `docs/configuration.md` (a test keeps the document equal to `markdown`).
public enum ConfigurationReference {
    /// A commented `notes.toml` in which every key shows its default; as written it means the defaults.
    public static var commentedFile: String {
        var lines = [
            "# notes.toml: the configuration of `notes`. Every key is optional; each line shows the default.",
            "# Uncomment a line to change it. Reference: docs/configuration.md. Flags beat this file.",
        ]
        for table in ConfigurationKeys.all where table.parent.isEmpty {
            lines.append("")
            lines.append(contentsOf: wrap(table.summary, prefix: "# "))
            switch table.type {
            case .table:
                lines.append("[\(table.path)]")
                for key in ConfigurationKeys.children(of: table.path) {
                    lines.append(contentsOf: wrap(key.summary, prefix: "# "))
                    lines.append("# \(key.name) = \(key.defaultValue ?? "\"…\"")" + (key.defaultValue == nil ? "  # default: \(plain(key.defaultMeaning ?? "none"))" : ""))
                }
            case .tableArray:
                let children = ConfigurationKeys.children(of: table.path + "[]")
                for key in children {
                    lines.append(contentsOf: wrap("\(key.name): \(key.summary)" + (key.required ? " Required." : ""), prefix: "#   "))
                }
                if table.path == "section" {
                    for section in Configuration.Section.defaults {
                        lines.append("# [[section]]")
                        lines.append("# id = \"\(section.id)\"")
                        lines.append("# title = \"\(section.title)\"")
                        lines.append("# types = [\(section.types.map { "\"\($0)\"" }.joined(separator: ", "))]")
                    }
                } else {
                    lines.append("# [[\(table.path)]]")
                    for key in children {
                        lines.append("# \(key.name) = \(example(key))")
                    }
                }
            default:
                break
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func example(_ key: ConfigurationKey) -> String {
        switch key.path {
        case "skip[].subject": return "'^chore\\(deps\\)'"
        case "skip[].body": return "'(?m)^Signed-off-by: bot'"
        case "skip[].author": return "\"dependabot[bot]\""
        case "package[].name": return "\"barter-python\""
        case "package[].paths": return "[\"barter-python\"]"
        case "package[].excludes": return "[\"barter-python/docs\"]"
        case "package[].tag_prefix": return "\"barter-python-v\""
        case "package[].changelog": return "\"barter-python/CHANGELOG.md\""
        case "package[].readme": return "\"barter-python/README.md\""
        case "package[].todo": return "\".agent/todo.md\""
        case "package[].version_files": return "[\"barter-python/pyproject.toml\"]"
        default: return key.defaultValue ?? "\"…\""
        }
    }

    /// The reference tables, one per TOML table, with every key's type, default and meaning.
    public static var markdown: String {
        var lines: [String] = []
        for table in ConfigurationKeys.all where table.parent.isEmpty {
            let isArray = table.type == .tableArray
            lines.append("### `\(isArray ? "[[\(table.path)]]" : "[\(table.path)]")`")
            lines.append("")
            lines.append(table.summary + (isArray ? " Default: \(table.defaultMeaning ?? "none")." : ""))
            lines.append("")
            lines.append("| key | type | default | meaning |")
            lines.append("|---|---|---|---|")
            for key in ConfigurationKeys.children(of: isArray ? table.path + "[]" : table.path) {
                let value = key.required ? "required" : key.defaultValue.map { "`\($0)`" } ?? "none: \(key.defaultMeaning ?? "none")"
                let choices = key.choices.isEmpty ? "" : " One of " + key.choices.map { "`\($0)`" }.joined(separator: ", ") + "."
                lines.append("| `\(key.name)` | \(key.type.rawValue) | \(value) | \(key.summary.replacingOccurrences(of: "|", with: "\\|"))\(choices) |")
            }
            lines.append("")
        }
        lines.append("The built-in sections (`[[section]]` default), in order:")
        lines.append("")
        lines.append("| id | title | types |")
        lines.append("|---|---|---|")
        for section in Configuration.Section.defaults {
            lines.append("| `\(section.id)` | \(section.title) | \(section.types.map { "`\($0)`" }.joined(separator: ", ")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func plain(_ text: String) -> String { text.replacingOccurrences(of: "`", with: "") }

    static func wrap(_ text: String, prefix: String, width: Int = 100) -> [String] {
        var lines: [String] = []
        var current = prefix
        for word in plain(text).split(separator: " ") {
            if current.count + word.count + 1 > width && current != prefix {
                lines.append(current)
                current = prefix
            }
            current += (current == prefix ? "" : " ") + word
        }
        if current != prefix { lines.append(current) }
        return lines
    }
}
