import TOMLKit

/// Finds and edits the version in version files: Cargo.toml, pyproject.toml, any TOML key path, a
/// `notes:version` marker line, and Cargo.lock.
///
/// Files are read with TOMLKit (which validates them and gives the value) and edited by splicing the bytes of
/// the version string only: comments, key order, quoting, line endings and the rest of the file are kept byte
/// for byte. A file is never re-serialised. All functions are pure: bytes in, bytes or a location out.
public enum VersionFiles {
    /// The marker that flags the version line in files of other formats: `__version__ = "0.1.2"  # notes:version`.
    public static let marker = "notes:version"

    // MARK: - Cargo.toml

    /// The version in a Cargo.toml: `[package] version`, else `[workspace.package] version` (a virtual
    /// workspace root). A `[package] version.workspace = true` (or `version = { workspace = true }`) gives a
    /// location with ``VersionLocation/isWorkspaceInherited`` set: follow it with
    /// ``cargoWorkspaceVersion(memberPath:memberBytes:read:)``.
    /// - Throws: ``NotesError`` `.badInput` for invalid TOML (`Cargo.toml:12:5: …`) or when neither key is there.
    public static func cargoManifestVersion(_ bytes: [UInt8], path: String) throws -> VersionLocation {
        let document = try TOMLDocument(bytes, path: path)
        let packageVersion = document.table["package"]?.table?["version"]
        if let inherited = packageVersion?.table, inherited["workspace"]?.bool == true {
            let keyPath = ["package", "version", "workspace"]
            guard let entry = document.entry(at: keyPath) else {
                throw internalLocateError(path: path, keyPath: keyPath)
            }
            return VersionLocation(path: path, keyPath: ["package", "version"], value: "",
                                   contentRange: entry.contentRange.lowerBound..<entry.contentRange.lowerBound,
                                   line: TOMLByteScanner.line(of: entry.contentRange.lowerBound, in: bytes),
                                   isWorkspaceInherited: true)
        }
        if packageVersion != nil { return try document.stringLocation(at: ["package", "version"]) }
        if document.value(at: ["workspace", "package", "version"]) != nil {
            return try document.stringLocation(at: ["workspace", "package", "version"])
        }
        throw NotesError(
            .badInput, "\(path) holds no [package] version",
            hint: "looked for [package] version, [package] version.workspace = true and [workspace.package] "
                + "version; add one, or configure another version file")
    }

    /// Follows a member's `version.workspace = true` to the workspace root and returns the root's
    /// `[workspace.package] version`.
    ///
    /// The root is the member's `package.workspace` path when it sets one, else the member's own file when it
    /// has a `[workspace]` table, else the nearest parent folder's Cargo.toml with a `[workspace]` table (as
    /// Cargo searches). Paths are `/`-separated, relative or absolute.
    /// - Parameter read: reads a file; returns nil when it does not exist.
    /// - Throws: ``NotesError`` `.badInput` when no root is found or it has no `[workspace.package] version`.
    public static func cargoWorkspaceVersion(
        memberPath: String, memberBytes: [UInt8], read: (String) throws -> [UInt8]?
    ) throws -> CargoWorkspaceVersion {
        let member = try TOMLDocument(memberBytes, path: memberPath)
        var candidates: [String] = []
        let directory = parentDirectory(of: memberPath)
        if let explicit = member.value(at: ["package", "workspace"])?.string {
            candidates = [join(join(directory, explicit), "Cargo.toml")]
        } else {
            candidates = [memberPath]
            var folder = directory
            while let parent = parentFolder(of: folder) {
                candidates.append(join(parent, "Cargo.toml"))
                folder = parent
            }
        }
        for candidate in candidates {
            let document: TOMLDocument
            if candidate == memberPath {
                document = member
            } else {
                guard let bytes = try read(candidate) else { continue }
                document = try TOMLDocument(bytes, path: candidate)
            }
            guard document.table["workspace"]?.table != nil else { continue }
            guard document.value(at: ["workspace", "package", "version"]) != nil else {
                throw NotesError(
                    .badInput,
                    "\(memberPath) inherits its version from the workspace, but \(candidate) has no "
                        + "[workspace.package] version",
                    hint: "add version = \"x.y.z\" under [workspace.package] in \(candidate), or give the member "
                        + "its own version")
            }
            let location = try document.stringLocation(at: ["workspace", "package", "version"])
            return CargoWorkspaceVersion(memberPath: memberPath, rootPath: candidate, location: location)
        }
        throw NotesError(
            .badInput,
            "\(memberPath) inherits its version from the workspace (version.workspace = true), but no Cargo.toml "
                + "with a [workspace] table was found above it",
            hint: "looked in: " + candidates.joined(separator: ", "))
    }

    // MARK: - pyproject.toml

    /// The version in a pyproject.toml: `[project] version` (PEP 621), else `[tool.poetry] version`.
    /// - Throws: ``NotesError`` `.badInput` for invalid TOML, for a dynamic version (`dynamic = ["version"]`,
    ///   with where the build backend takes it from when that is in the file), or when neither key is there.
    public static func pyprojectVersion(_ bytes: [UInt8], path: String) throws -> VersionLocation {
        let document = try TOMLDocument(bytes, path: path)
        if document.value(at: ["project", "version"]) != nil {
            return try document.stringLocation(at: ["project", "version"])
        }
        let dynamic = document.value(at: ["project", "dynamic"])?.array.map { array in
            (0..<array.count).compactMap { array[$0].string }
        } ?? []
        if dynamic.contains("version") {
            throw NotesError(
                .badInput,
                "\(path): the version is dynamic ([project] dynamic = [\"version\"]): it lives elsewhere, not in this file",
                hint: dynamicVersionSource(document)
                    + "list the file that holds it in the package's version files in the notes configuration, "
                    + "by a TOML key path or with a `# notes:version` comment on its line")
        }
        if document.value(at: ["tool", "poetry", "version"]) != nil {
            return try document.stringLocation(at: ["tool", "poetry", "version"])
        }
        throw NotesError(
            .badInput, "\(path) holds no [project] version",
            hint: "looked for [project] version and [tool.poetry] version; add one, or configure another version file")
    }

    private static func dynamicVersionSource(_ document: TOMLDocument) -> String {
        if let file = document.value(at: ["tool", "hatch", "version", "path"])?.string {
            return "hatch reads it from \(file) ([tool.hatch.version] path); "
        }
        if let source = document.value(at: ["tool", "setuptools", "dynamic", "version"])?.table {
            if let file = source["file"]?.string { return "setuptools reads it from \(file); " }
            if let attr = source["attr"]?.string { return "setuptools reads it from the attribute \(attr); " }
        }
        if document.table["tool"]?.table?["setuptools_scm"] != nil
            || document.value(at: ["tool", "hatch", "version", "source"])?.string == "vcs" {
            return "it comes from git tags (setuptools-scm or hatch-vcs), so the tag notes creates is the version "
                + "and no file needs editing; otherwise "
        }
        return ""
    }

    // MARK: - Any TOML file

    /// The string at `keyPath` in any TOML file: `["tool", "myapp", "version"]` finds `[tool.myapp] version`,
    /// `tool.myapp.version = …`, `[tool] myapp = { version = … }` and quoted-key spellings of them.
    /// Basic (`"…"`) and literal (`'…'`) one-line strings are found; CRLF files work.
    /// - Throws: ``NotesError`` `.badInput` for invalid TOML (`path:line:column: message`), a missing key, a
    ///   value that is not a one-line string; `.internalError` when the located bytes do not equal the value
    ///   TOMLKit read (nothing is written then).
    public static func tomlValue(_ bytes: [UInt8], keyPath: [String], path: String) throws -> VersionLocation {
        let document = try TOMLDocument(bytes, path: path)
        guard document.value(at: keyPath) != nil else {
            throw NotesError(.badInput, "\(path) holds no \(displayKey(keyPath))",
                             hint: "check the key path configured for \(path)")
        }
        return try document.stringLocation(at: keyPath)
    }

    // MARK: - Marker line

    /// The version on the first line containing `notes:version`: the first quoted (`"…"` or `'…'`) string on
    /// that line that is a strict SemVer version, as in `__version__ = "0.1.2"  # notes:version` or
    /// `const VERSION = "0.1.2" // notes:version`. The location's key path is empty.
    /// - Throws: ``NotesError`` `.badInput` when no line has the marker or the marker line has no quoted version.
    public static func markerVersion(_ bytes: [UInt8], path: String) throws -> VersionLocation {
        let markerBytes = Array(marker.utf8)
        var lineStart = 0
        var lineNumber = 1
        while lineStart <= bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let line = bytes[lineStart..<lineEnd]
            if contains(line, markerBytes) {
                guard let range = firstQuotedVersion(in: line) else {
                    throw NotesError(.badInput, "\(path):\(lineNumber): the \(marker) line holds no quoted version",
                                     hint: "write the version in quotes on the marked line: "
                                         + "__version__ = \"1.2.3\"  # \(marker)")
                }
                return VersionLocation(path: path, keyPath: [], value: String(decoding: bytes[range], as: UTF8.self),
                                       contentRange: range, line: lineNumber)
            }
            lineStart = lineEnd + 1
            lineNumber += 1
        }
        throw NotesError(.badInput, "\(path) has no \(marker) marker",
                         hint: "add a `\(marker)` comment on the line that holds the version: "
                             + "__version__ = \"1.2.3\"  # \(marker)")
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, line.count >= needle.count else { return false }
        var start = line.startIndex
        while start + needle.count <= line.endIndex {
            if line[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    private static func firstQuotedVersion(in line: ArraySlice<UInt8>) -> Range<Int>? {
        var position = line.startIndex
        while position < line.endIndex {
            let quote = line[position]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                position += 1
                continue
            }
            let start = position + 1
            guard let end = line[start...].firstIndex(of: quote) else { return nil }
            let text = String(decoding: line[start..<end], as: UTF8.self)
            if ReleaseVersion(text, prefix: "") != nil { return start..<end }
            position = end + 1
        }
        return nil
    }

    // MARK: - Cargo.lock and uv.lock

    /// How a lock file marks the entry of the package that lives in this work tree.
    public enum LocalLockSource: Sendable, Equatable {
        /// Cargo.lock: a path package has no `source` (registry and git packages have one).
        case cargoPath
        /// uv.lock: `source = { editable = PATH }`, `{ virtual = PATH }` or `{ directory = PATH }`, PATH the
        /// project's folder relative to the lock file's (`.` for the same folder).
        case uvProject(folder: String)
    }

    /// What ``lockUpdate(_:packageName:source:to:)`` found.
    public enum LockUpdate: Sendable, Equatable {
        /// The work tree's entry was at `from`; these are the new bytes.
        case updated([UInt8], from: String)
        /// The work tree's entry already holds the version.
        case alreadyAt
        /// No `[[package]]` entry of that name comes from the work tree.
        case notFound
    }

    /// The lock file with the version of the work tree's own `[[package]]` entry named `packageName` set to
    /// `new`, whatever version it holds now (the lock follows the version file). Only the entry whose source
    /// is the work tree (`source`) changes: a registry or git package of the same name (a published older
    /// copy, a renamed dependency) is never touched. Only the version string's bytes change.
    public static func lockUpdate(_ bytes: [UInt8], packageName: String, source: LocalLockSource, to new: String)
        -> LockUpdate
    {
        let entries = TOMLByteScanner.entries(in: bytes).filter { $0.isInArrayOfTables && $0.tableKeys == ["package"] }
        var byTable: [Int: [TOMLByteScanner.Entry]] = [:]
        var order: [Int] = []
        for entry in entries {
            if byTable[entry.tableIndex] == nil { order.append(entry.tableIndex) }
            byTable[entry.tableIndex, default: []].append(entry)
        }
        func text(_ entry: TOMLByteScanner.Entry) -> String {
            String(decoding: bytes[entry.contentRange], as: UTF8.self)
        }
        func isString(_ entry: TOMLByteScanner.Entry) -> Bool {
            entry.kind == .basicString || entry.kind == .literalString
        }
        func isLocal(_ fields: [TOMLByteScanner.Entry]) -> Bool {
            let sources = fields.filter { $0.keyPath.starts(with: ["package", "source"]) }
            switch source {
            case .cargoPath:
                return sources.isEmpty
            case .uvProject(let folder):
                guard sources.count == 1, let only = sources.first, only.keyPath.count == 3, isString(only),
                      ["editable", "virtual", "directory"].contains(only.keyPath[2])
                else { return false }
                return normalizedFolder(text(only)) == normalizedFolder(folder)
            }
        }
        let wanted = source == .cargoPath ? packageName : pythonName(packageName)
        for table in order {
            let fields = byTable[table] ?? []
            guard let name = fields.first(where: { $0.keyPath == ["package", "name"] }), isString(name),
                  (source == .cargoPath ? text(name) : pythonName(text(name))) == wanted,
                  let version = fields.first(where: { $0.keyPath == ["package", "version"] }), isString(version),
                  isLocal(fields)
            else { continue }
            let old = text(version)
            guard old != new else { return .alreadyAt }
            return .updated(splice(bytes, version.contentRange, new), from: old)
        }
        return .notFound
    }

    /// `./a/b/` → `a/b`, `` → `.`.
    private static func normalizedFolder(_ path: String) -> String {
        let parts = path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// A Python package name as lock files compare it (PEP 503: lowercase, one `-` for runs of `-`, `_`, `.`).
    static func pythonName(_ name: String) -> String {
        var normalized = ""
        for character in name.lowercased() {
            if "-_.".contains(character) {
                if !normalized.hasSuffix("-") { normalized.append("-") }
            } else {
                normalized.append(character)
            }
        }
        return normalized
    }

    // MARK: - Editing

    /// `bytes` with the location's string contents replaced by `newVersion`; nothing else changes. A
    /// workspace-inherited location has no string of its own: `bytes` come back unchanged.
    public static func replacing(_ location: VersionLocation, in bytes: [UInt8], with newVersion: String) -> [UInt8] {
        guard !location.isWorkspaceInherited, location.contentRange.upperBound <= bytes.count else { return bytes }
        return splice(bytes, location.contentRange, newVersion)
    }

    /// The edit that writes `newVersion` at `location` in `bytes`.
    public static func edit(_ location: VersionLocation, in bytes: [UInt8], to newVersion: String) -> VersionFileEdit {
        VersionFileEdit(path: location.path, keyPath: location.keyPath, oldVersion: location.value,
                        newBytes: replacing(location, in: bytes, with: newVersion))
    }

    // MARK: - Helpers

    private static func splice(_ bytes: [UInt8], _ range: Range<Int>, _ text: String) -> [UInt8] {
        var out = bytes
        out.replaceSubrange(range, with: Array(text.utf8))
        return out
    }

    /// `[package] version`, `[workspace.package] version`, or `version` for a top-level key.
    static func displayKey(_ keyPath: [String]) -> String {
        guard let last = keyPath.last else { return "version" }
        let tables = keyPath.dropLast()
        return tables.isEmpty ? last : "[\(tables.joined(separator: "."))] \(last)"
    }

    private static func internalLocateError(path: String, keyPath: [String]) -> NotesError {
        NotesError(.internalError,
                   "\(path): could not locate \(displayKey(keyPath)) in the file's bytes although the TOML parser "
                       + "found it; the file was not changed",
                   hint: "please report this with the file attached")
    }

    private static func parentDirectory(of filePath: String) -> String {
        guard let slash = filePath.lastIndex(of: "/") else { return "" }
        if slash == filePath.startIndex { return "/" }
        return String(filePath[..<slash])
    }

    /// The folder above `folder`, nil at the top ("" for relative paths, "/" for absolute ones).
    private static func parentFolder(of folder: String) -> String? {
        if folder.isEmpty || folder == "/" { return nil }
        if folder == "." || folder == ".." || folder.hasSuffix("/..") { return nil }
        return parentDirectory(of: folder)
    }

    private static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        if name.hasPrefix("/") { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    // MARK: - Parsed document

    /// A TOML file parsed by TOMLKit and scanned for byte positions, for one function call.
    private struct TOMLDocument {
        let bytes: [UInt8]
        let path: String
        let table: TOMLTable
        let entries: [TOMLByteScanner.Entry]

        init(_ bytes: [UInt8], path: String) throws {
            guard !bytes.contains(0) else {
                throw NotesError(.badInput, "\(path) is not a text file (it holds NUL bytes)")
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.utf8.elementsEqual(bytes) else {
                throw NotesError(.badInput, "\(path) is not valid UTF-8, which TOML requires")
            }
            do {
                table = try SafeTOML.table(text)
            } catch {
                throw NotesError(.badInput, "\(path):\(error.line):\(error.column): \(error.message)",
                                 hint: "fix the TOML syntax of \(path)")
            }
            self.bytes = bytes
            self.path = path
            entries = TOMLByteScanner.entries(in: bytes)
        }

        func value(at keyPath: [String]) -> TOMLValueConvertible? {
            guard let first = keyPath.first, var value = table[first] else { return nil }
            for key in keyPath.dropFirst() {
                guard let next = value.table?[key] else { return nil }
                value = next
            }
            return value
        }

        func entry(at keyPath: [String]) -> TOMLByteScanner.Entry? {
            entries.first { $0.keyPath == keyPath && !$0.isInArrayOfTables }
        }

        /// The location of the one-line string at `keyPath`, cross-checked against TOMLKit's value.
        func stringLocation(at keyPath: [String]) throws -> VersionLocation {
            let key = VersionFiles.displayKey(keyPath)
            guard let expected = value(at: keyPath)?.string else {
                throw NotesError(.badInput, "\(path): \(key) is not a string",
                                 hint: "write the version as a string: version = \"1.2.3\"")
            }
            guard let entry = entry(at: keyPath) else {
                throw VersionFiles.internalLocateError(path: path, keyPath: keyPath)
            }
            let line = TOMLByteScanner.line(of: entry.contentRange.lowerBound, in: bytes)
            guard entry.kind == .basicString || entry.kind == .literalString else {
                throw NotesError(.badInput, "\(path):\(line): \(key) is a multi-line string",
                                 hint: "write it on one line: version = \"\(expected)\"")
            }
            let raw = Array(bytes[entry.contentRange])
            guard raw.elementsEqual(expected.utf8) else {
                if entry.kind == .basicString && raw.contains(UInt8(ascii: "\\")) {
                    throw NotesError(.badInput, "\(path):\(line): \(key) is written with escapes",
                                     hint: "write it plainly: version = \"\(expected)\"")
                }
                throw NotesError(.internalError,
                                 "\(path):\(line): the bytes found for \(key) (\(String(decoding: raw, as: UTF8.self))) "
                                     + "differ from the value the TOML parser read (\(expected)); the file was not changed",
                                 hint: "please report this with the file attached")
            }
            return VersionLocation(path: path, keyPath: keyPath, value: expected, contentRange: entry.contentRange,
                                   line: line)
        }
    }
}
