import Foundation

/// Writing to the files GitHub Actions hands a step (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`).
public enum GitHubActions {
    /// The `GITHUB_OUTPUT` text for `values`: `name=value` for one-line values, and
    /// `name<<DELIMITER` … `DELIMITER` for multi-line ones, with a random delimiter that occurs in no value.
    public static func outputText(_ values: [(String, String)],
                                  delimiter makeDelimiter: () -> String = randomDelimiter) -> String {
        var text = ""
        for (name, value) in values {
            if value.contains("\n") || value.contains("\r") {
                var delimiter = makeDelimiter()
                while values.contains(where: { $0.1.contains(delimiter) }) { delimiter = makeDelimiter() }
                text += "\(name)<<\(delimiter)\n\(value)\(value.hasSuffix("\n") ? "" : "\n")\(delimiter)\n"
            } else {
                text += "\(name)=\(value)\n"
            }
        }
        return text
    }

    /// `NOTES_EOF_` and 32 random hex digits.
    public static func randomDelimiter() -> String {
        "NOTES_EOF_" + (0..<4).map { _ in String(format: "%08x", UInt32.random(in: 0...UInt32.max)) }.joined()
    }

    /// Appends `values` to the `GITHUB_OUTPUT` file at `path`.
    public static func appendOutputs(_ values: [(String, String)], to path: String) throws {
        try append(Array(outputText(values).utf8), to: path, what: "GITHUB_OUTPUT")
    }

    /// Appends `bytes` to `path` (created when missing), as the Actions runner expects.
    public static func append(_ bytes: [UInt8], to path: String, what: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw NotesError(.file, "cannot create \(what) file \(path)", hint: "check that its folder exists")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw NotesError(.file, "cannot open \(what) file \(path) for writing", hint: "check its permissions")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(bytes))
        } catch {
            throw NotesError(.file, "cannot append to \(what) file \(path): \(error.localizedDescription)")
        }
    }
}
