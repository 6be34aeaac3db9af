import Foundation
import NotesGit
import TOMLKit

/// A configuration as loaded: the values, and the file they came from (nil: no file, the defaults).
public struct LoadedConfiguration: Sendable {
    /// The values.
    public var configuration: Configuration
    /// The file read, as errors name it; nil when there was none.
    public var file: String?
    /// Paths in the configuration are relative to this folder: the repository's work tree root.
    public var root: String
    /// Where the repository's paths may lead (``WorkTreeBoundary``).
    public var boundary: WorkTreeBoundary

    /// Makes a loaded configuration; `boundary` defaults to a work tree at `root` with its git folder at
    /// `root/.git`.
    public init(configuration: Configuration = Configuration(), file: String? = nil, root: String,
                boundary: WorkTreeBoundary? = nil) {
        self.configuration = configuration
        self.file = file
        self.root = root
        self.boundary = boundary ?? WorkTreeBoundary(root: root)
    }
}

/// Reads `notes.toml` and checks all of it before any work is done: TOML syntax, unknown keys (with the
/// nearest valid key suggested), value types, allowed values, regular expressions, template files, and
/// package names. Every error is exit code 5 and names the file, the line and the key.
public enum ConfigurationLoader {
    /// The default file name, at the repository's work tree root.
    public static let fileName = "notes.toml"

    /// The largest template notes reads from the repository, in bytes.
    public static let maximumTemplateBytes = 1 << 20

    /// Loads `explicitPath` (`--config`; missing is an error), else `<root>/notes.toml` when it exists, else
    /// the defaults. Paths inside the file are resolved against `root`. The repository's notes.toml must be
    /// a regular file inside the work tree (``WorkTreeBoundary``): a link out of it, a FIFO or a device is a
    /// configuration error (exit 5); `--config` may name a file anywhere.
    public static func load(explicitPath: String?, displayPath: String? = nil, root: String,
                            boundary: WorkTreeBoundary? = nil) throws -> LoadedConfiguration {
        let boundary = boundary ?? WorkTreeBoundary(root: root)
        let path: String
        let origin: PathOrigin
        if let explicitPath {
            path = explicitPath
            origin = .commandLine
            guard FileManager.default.fileExists(atPath: path) else {
                throw NotesError(.configuration, "configuration file \(displayPath ?? path) does not exist",
                                 hint: "check the --config path, or run `notes init` to write a notes.toml")
            }
        } else {
            path = (root.hasSuffix("/") ? root : root + "/") + fileName
            origin = .repository
            guard FileManager.default.fileExists(atPath: path) else {
                if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) {
                    throw NotesError(.configuration, "\(path) is a symbolic link to \(target), which does not exist",
                                     hint: "fix or remove the link; without notes.toml the defaults apply")
                }
                return LoadedConfiguration(root: root, boundary: boundary)
            }
        }
        let name = displayPath ?? path
        guard let bytes = try boundary.read(path, origin: origin, display: name, failure: .configuration,
                                            hint: "make \(fileName) a regular file in the repository, or pass --config FILE")
        else {
            throw NotesError(.configuration, "configuration file \(name) cannot be read")
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw NotesError(.configuration, "\(name) is not UTF-8 text, which TOML requires")
        }
        let configuration = try parse(text, file: name, root: root, boundary: boundary)
        return LoadedConfiguration(configuration: configuration, file: name, root: root, boundary: boundary)
    }

    /// Parses and checks a configuration's text. `file` names it in errors; template paths are checked against `root`.
    public static func parse(_ text: String, file: String, root: String?, boundary: WorkTreeBoundary? = nil) throws
        -> Configuration {
        let table: TOMLTable
        do {
            table = try SafeTOML.table(text)
        } catch {
            throw NotesError(.configuration, "\(file):\(error.line):\(error.column): \(error.message)",
                             hint: "fix the TOML syntax; docs/configuration.md lists every key")
        }
        let checker = Checker(file: file, lines: TOMLKeyLines(text))
        try checker.check(table, schema: "", path: "")
        let configuration: Configuration
        do {
            configuration = try TOMLDecoder().decode(Configuration.self, from: table)
        } catch {
            throw NotesError(.configuration, "\(file): \(error)")
        }
        try checker.checkValues(configuration, root: root, boundary: boundary ?? root.map { WorkTreeBoundary(root: $0) })
        return configuration
    }

    struct Checker {
        let file: String
        let lines: TOMLKeyLines

        func error(_ path: String, _ message: String, hint: String? = nil) -> NotesError {
            let place = lines.line(of: path).map { "\(file):\($0)" } ?? file
            return NotesError(.configuration, "\(place): \(message)", hint: hint)
        }

        static func display(_ path: String) -> String { path }

        /// The largest pattern (`[[skip]]`, `[[rule]]`, `tags.pattern`, `tag_pattern`) accepted, in bytes.
        static let maximumPatternBytes = 4096

        /// A value as errors quote it: its first line, at most 80 characters, `…` when cut.
        static func excerpt(_ value: String) -> String {
            let line = value.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let cut = line.count > 80 ? String(line.prefix(80)) : line
            return cut.count < value.count ? cut + "…" : cut
        }

        /// Unknown keys and wrong types, recursively. `schema` is the key-table path (`package[]`), `path`
        /// the document path (`package[1]`).
        func check(_ table: TOMLTable, schema: String, path: String) throws {
            for (key, value) in table {
                let schemaPath = schema.isEmpty ? key : "\(schema).\(key)"
                let documentPath = path.isEmpty ? key : "\(path).\(key)"
                guard let spec = ConfigurationKeys.key(schemaPath) else {
                    let siblings = ConfigurationKeys.children(of: schema).map(\.name)
                    let place = schema.isEmpty ? "at the top level" : "in \(tableName(schema))"
                    let hint = Levenshtein.nearest(to: key, among: siblings).map { "did you mean \"\($0)\"?" }
                        ?? "the keys \(place) are: \(siblings.joined(separator: ", "))"
                    throw error(documentPath, "unknown key \"\(key)\" \(place)", hint: hint)
                }
                try checkType(value, spec: spec, path: documentPath)
            }
            for spec in ConfigurationKeys.children(of: schema) where spec.required && table[spec.name] == nil {
                throw error(path, "\(tableName(schema)) is missing the required key \"\(spec.name)\"",
                            hint: "add \(spec.name) = … to it")
            }
        }

        func tableName(_ schema: String) -> String {
            schema.hasSuffix("[]") ? "[[\(schema.dropLast(2))]]" : "[\(schema)]"
        }

        func checkType(_ value: TOMLValueConvertible, spec: ConfigurationKey, path: String) throws {
            func wrong() -> NotesError {
                let example: String
                switch spec.type {
                case .table: example = "a table: [\(spec.path)]"
                case .tableArray: example = "an array of tables: [[\(spec.path)]]"
                case .string: example = "a string in quotes"
                case .integer: example = "an integer"
                case .boolean: example = "true or false"
                case .strings: example = "an array of strings: [\"a\", \"b\"]"
                case .stringTable: example = "a table of strings: { \"key\" = \"value\" }"
                }
                return error(path, "\(spec.path.replacingOccurrences(of: "[]", with: "")) must be \(example), not \(describe(value))")
            }
            switch spec.type {
            case .table:
                guard let table = value.table else { throw wrong() }
                try check(table, schema: spec.path, path: path)
            case .tableArray:
                guard let array = value.array else { throw wrong() }
                for (index, element) in array.enumerated() {
                    guard let table = element.table else { throw wrong() }
                    try check(table, schema: spec.path + "[]", path: "\(path)[\(index)]")
                }
            case .string:
                guard let string = value.string else { throw wrong() }
                if !spec.choices.isEmpty && !spec.choices.contains(string) {
                    throw error(path, "\(spec.path.replacingOccurrences(of: "[]", with: "")) is \"\(string)\"; it must be one of "
                        + spec.choices.map { "\"\($0)\"" }.joined(separator: ", "))
                }
            case .integer:
                guard value.type == .int, let number = value.int else { throw wrong() }
                if number < 0 { throw error(path, "\(spec.path) must not be negative") }
            case .boolean:
                guard value.type == .bool else { throw wrong() }
            case .strings:
                guard let array = value.array, array.allSatisfy({ $0.type == .string }) else { throw wrong() }
            case .stringTable:
                guard let table = value.table else { throw wrong() }
                for (key, element) in table {
                    guard element.type == .string, let text = element.string else {
                        throw error("\(path).\(key)", "\(spec.path).\(key) must be a string, not \(describe(element))")
                    }
                    if spec.path == "contributors.handles", GitHubHandle.normalized(text) == nil {
                        throw error("\(path).\(key)", "\(spec.path): \"\(Self.excerpt(text))\" is not a GitHub handle",
                                    hint: "a handle is 1 to 39 letters, digits or hyphens (\"ada-l\"), with or without @")
                    }
                }
            }
        }

        func describe(_ value: TOMLValueConvertible) -> String {
            switch value.type {
            case .string: "a string"
            case .int: "an integer"
            case .double: "a number"
            case .bool: "a boolean"
            case .array: "an array"
            case .table: "a table"
            default: "a date or time"
            }
        }

        /// A pattern from the file: at most `maximumPatternBytes`, and within ``LinearRegex``'s syntax and
        /// program size. The error names the file, the line, the key and the character where it stopped.
        func checkPattern(_ pattern: String?, path: String, label: String) throws {
            guard let pattern else { return }
            if pattern.utf8.count > Self.maximumPatternBytes {
                throw error(path, "\(label) is too large for a regular expression (\(pattern.utf8.count) bytes, at most "
                    + "\(Self.maximumPatternBytes)): \(Self.excerpt(pattern))", hint: "match a shorter pattern; a subject is one line")
            }
            do {
                _ = try LinearRegex(pattern)
            } catch {
                throw self.error(path, "\(label) is not a supported regular expression: \(Self.excerpt(pattern)): \(error)",
                                 hint: LinearRegex.configurationHint)
            }
        }

        /// Checks that need the values: regular expressions, duplicates, combinations, template files.
        func checkValues(_ configuration: Configuration, root: String?, boundary: WorkTreeBoundary?) throws {
            for (index, rule) in configuration.skip.enumerated() {
                let path = "skip[\(index)]"
                if rule.subject == nil && rule.body == nil && rule.author == nil {
                    throw error(path, "skip rule \(index + 1) has no condition: it would skip every commit",
                                hint: "give it subject, body or author")
                }
                for (key, pattern) in [("subject", rule.subject), ("body", rule.body)] {
                    try checkPattern(pattern, path: "\(path).\(key)", label: "skip rule \(index + 1): \(key)")
                }
            }
            for (key, value) in [("tags.tagger_name", configuration.tags.taggerName), ("tags.tagger_email", configuration.tags.taggerEmail)] {
                if let value, let problem = GitIdentity.signatureProblem(value) {
                    throw error(key, "\(key) \(problem): \(Self.excerpt(UntrustedText.escapingControls(value)))",
                                hint: "a tag's tagger line is one line of text; git fsck rejects a tag whose header it splits")
                }
            }
            var tagPatterns = [("tags.pattern", configuration.tags.pattern)]
            for (index, package) in configuration.package.enumerated() {
                tagPatterns.append(("package[\(index)].tag_pattern", package.tagPattern))
            }
            for (path, pattern) in tagPatterns {
                try checkPattern(pattern, path: path, label: path)
            }
            for (index, rule) in configuration.rule.enumerated() {
                let path = "rule[\(index)]"
                if rule.subject == nil && rule.body == nil && rule.author == nil && rule.path == nil {
                    throw error(path, "rule \(index + 1) has no condition: it would match every commit",
                                hint: "give it subject, body, author or path")
                }
                if rule.section == nil && rule.skip != true && rule.description == nil {
                    throw error(path, "rule \(index + 1) does nothing", hint: "give it section, skip = true or description")
                }
                if let id = rule.section, !configuration.section.contains(where: { $0.id == id }) {
                    throw error("\(path).section", "rule \(index + 1): no section with id \"\(id)\"",
                                hint: "the sections are: " + configuration.section.map(\.id).joined(separator: ", "))
                }
                for (key, pattern) in [("subject", rule.subject), ("body", rule.body), ("author", rule.author), ("path", rule.path)] {
                    try checkPattern(pattern, path: "\(path).\(key)", label: "rule \(index + 1): \(key)")
                }
            }
            var sectionIDs: [String: Int] = [:]
            var typeOwners: [String: String] = [:]
            for (index, section) in configuration.section.enumerated() {
                let path = "section[\(index)]"
                guard !section.id.isEmpty else { throw error("\(path).id", "a section's id must not be empty") }
                if let first = sectionIDs[section.id] {
                    throw error("\(path).id", "section id \"\(section.id)\" is used twice (sections \(first + 1) and \(index + 1))")
                }
                sectionIDs[section.id] = index
                for type in section.types.map({ $0.lowercased() }) {
                    if let owner = typeOwners[type], owner != section.id {
                        throw error("\(path).types", "type \"\(type)\" is listed in two sections: \"\(owner)\" and \"\(section.id)\"")
                    }
                    typeOwners[type] = section.id
                }
            }
            if let problem = PathRules.notesRefProblem(configuration.release.notesRef) {
                throw error("release.notes_ref", "release.notes_ref \"\(configuration.release.notesRef)\" \(problem)",
                            hint: "use a ref under refs/notes/, such as refs/notes/release")
            }
            var files: [(String, String)] = [("files.changelog", configuration.files.changelog),
                                             ("files.readme", configuration.files.readme), ("files.todo", configuration.files.todo),
                                             ("files.edits", configuration.files.edits)]
            for (index, package) in configuration.package.enumerated() {
                let path = "package[\(index)]"
                files += [package.changelog, package.readme, package.todo].compactMap { $0 }.map { ("\(path)", $0) }
                files += (package.versionFiles ?? []).map { ("\(path).version_files", $0) }
                files += package.paths.map { ("\(path).paths", $0) }
            }
            for (key, value) in files {
                let file = value.split(separator: ":", maxSplits: 1).first.map(String.init) ?? value
                if let problem = PathRules.placeProblem(file) {
                    throw error(key, "\(key): \(value) \(problem)",
                                hint: "give a path relative to the repository root, without .., a leading / or .git")
                }
            }
            if configuration.todo.placement != "end" && (configuration.todo.heading ?? "").isEmpty {
                throw error("todo.placement", "todo.placement \"\(configuration.todo.placement)\" needs todo.heading",
                            hint: "set todo.heading to the heading the tasks go \(configuration.todo.placement)")
            }
            var names: [String: Int] = [:]
            var prefixes: [String: String] = [:]
            for (index, package) in configuration.package.enumerated() {
                let path = "package[\(index)]"
                guard !package.name.isEmpty else { throw error("\(path).name", "a package's name must not be empty") }
                if let first = names[package.name] {
                    throw error("\(path).name", "package name \"\(package.name)\" is used twice (packages \(first + 1) and \(index + 1))")
                }
                names[package.name] = index
                if package.paths.isEmpty || package.paths.contains(where: \.isEmpty) {
                    throw error("\(path).paths", "package \"\(package.name)\" needs at least one path, and no empty one",
                                hint: "paths = [\"\(package.name)\"]")
                }
                let prefix = package.tagPrefix ?? package.name + "-v"
                if let other = prefixes[prefix] {
                    throw error("\(path).tag_prefix", "packages \"\(other)\" and \"\(package.name)\" have the same tag prefix \"\(prefix)\"")
                }
                prefixes[prefix] = package.name
            }
            let templates = configuration.templates
            if let problem = PathRules.placeProblem(templates.folder) {
                throw error("templates.folder", "templates.folder: \(templates.folder) \(problem)",
                            hint: "give a folder relative to the repository root, without .., a leading / or .git; --template FILE names a template elsewhere")
            }
            for (key, value) in [("draft", templates.draft), ("changelog", templates.changelog),
                                 ("readme", templates.readme), ("todo", templates.todo)] {
                guard let value else { continue }
                // A template the repository names is read only from inside its work tree: a notes.toml in a
                // pull request must not publish /proc/self/environ or .git/config through the notes.
                if let problem = PathRules.placeProblem(value) {
                    throw error("templates.\(key)", "templates.\(key): \(value) \(problem): notes reads the templates a repository names only from its work tree",
                                hint: "give a path relative to the repository root, without .., a leading / or .git; pass --template FILE to use a template elsewhere")
                }
                guard let root, let boundary else { continue }
                let full = (root.hasSuffix("/") ? root : root + "/") + value
                let found: WorkTreeBoundary.Resolution?
                do {
                    found = try boundary.readTarget(full, origin: .repository, display: value, failure: .configuration)
                } catch let refusal as NotesError {
                    throw error("templates.\(key)", "templates.\(key): \(refusal.message)",
                                hint: "make \(value) a regular file in the repository, or pass --template FILE to use a template elsewhere")
                }
                guard let found, found.kind == .regular else {
                    throw error("templates.\(key)", "templates.\(key): template \(value) does not exist (looked for \(full))",
                                hint: "fix the path (relative to the repository root), or remove the key to use the built-in template")
                }
            }
        }
    }
}
