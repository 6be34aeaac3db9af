import Foundation
import NotesMarkdown

/// A Markdown file read for editing: its bytes (nil when it does not exist yet) and their parse.
///
/// Reading refuses, with a `NotesError(.file)` and before anything is rendered or written: a directory
/// where the file should be, a file that cannot be read, a file that is not UTF-8 (naming the line and
/// byte offset), and a file marked read-only (no write permission bit at all), whose owner asked for it
/// to be left alone.
public struct EditableFile: Sendable {
    /// The absolute path.
    public let path: String
    /// The path as messages show it (as the user gave it, or relative to the repository).
    public let displayPath: String
    /// The file's bytes, nil when it does not exist.
    public let original: [UInt8]?
    /// The parse of `original` (of an empty text when the file does not exist).
    public let document: MarkdownDocument

    /// True when the file exists.
    public var exists: Bool { original != nil }

    /// Reads `path` for editing. A missing file is allowed (`original` is nil) when its folder exists.
    /// `scope` says who named the path: ``WorkTreeBoundary`` refuses a path that leads outside the work tree
    /// or into the git folder (exit 8) before a byte is read.
    public static func open(_ path: String, displayPath: String, scope: PathScope) throws -> EditableFile {
        guard !displayPath.isEmpty else {
            throw NotesError(.badInput, "the file to edit is an empty path (--file '')",
                             hint: "pass --file with the Markdown file's path, or leave --file out to edit the default file")
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists, isDirectory.boolValue {
            throw NotesError(.file, "\(displayPath) is a directory, not a file",
                             hint: "pass the Markdown file's path with --file")
        }
        try AtomicFile.checkWritable(path, scope: scope, display: displayPath)
        guard exists else {
            return EditableFile(path: path, displayPath: displayPath, original: nil, document: MarkdownDocument(text: ""))
        }
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & 0o222 == 0 {
            throw NotesError(.file, "\(displayPath) is read-only: it was not changed",
                             hint: "make it writable (chmod u+w \(displayPath)) and run the command again")
        }
        guard let bytes = try scope.boundary.read(path, origin: scope.origin, display: displayPath) else {
            throw NotesError(.file, "cannot read \(displayPath)", hint: "check the file's permissions")
        }
        do {
            let document = try MarkdownDocument(bytes: bytes)
            try refuseUnclosedBlock(document, displayPath: displayPath)
            return EditableFile(path: path, displayPath: displayPath, original: bytes, document: document)
        } catch let error as NotesError {
            throw error
        } catch let error as MarkdownError {
            switch error {
            case let .notUTF8(byteOffset, line):
                throw NotesError(.file, "\(displayPath):\(line): not valid UTF-8 (byte offset \(byteOffset)); nothing was written",
                                 hint: "convert the file to UTF-8 (iconv -f LATIN1 -t UTF-8), then run the command again")
            }
        }
    }

    /// A code fence or an HTML block that is never closed swallows the rest of the file: headings after it
    /// are text to Markdown, so notes would not see the entries there and would add them again on every run.
    /// The HTML blocks that run past blank lines are CommonMark's kinds 1 to 5: `<pre`, `<script`, `<style`,
    /// `<textarea` (up to their closing tag), `<!--` (up to `-->`), `<?` (up to `?>`), `<!X` (up to `>`) and
    /// `<![CDATA[` (up to `]]>`). When the swallowed part holds heading-like lines, the file is refused
    /// (exit 8, with the line) until it is closed.
    public static func refuseUnclosedBlock(_ document: MarkdownDocument, displayPath: String) throws {
        guard let last = document.topLevelBlocks.last, last.kind == .codeBlock || last.kind == .htmlBlock else { return }
        let lines = document.text(in: last.byteRange).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let first = lines.first else { return }
        let opener = first.drop { $0 == " " }
        let what: String
        let closer: String
        if last.kind == .codeBlock {
            guard let mark = opener.first, mark == "`" || mark == "~" else { return }  // indented code
            let length = opener.prefix { $0 == mark }.count
            guard length >= 3 else { return }
            let body = lines.dropFirst().filter { !$0.isEmpty }
            if let closing = body.last, closing.drop(while: { $0 == " " }).allSatisfy({ $0 == mark || $0 == " " }),
               closing.filter({ $0 == mark }).count >= length, lines.count > 1 { return }
            what = "a code fence (\(String(repeating: mark, count: length)))"
            closer = "a line of \(String(repeating: mark, count: length))"
        } else {
            guard let kind = unclosableHTML(opener) else { return }
            // Lenient on purpose: an end marker anywhere in the block, even overlapping the opener, counts as
            // closed, so a block Markdown closes is never refused.
            guard !lines.contains(where: { $0.lowercased().contains(kind.end) }) else { return }
            what = kind.what
            closer = kind.end
        }
        guard lines.dropFirst().contains(where: { $0.drop(while: { $0 == " " }).hasPrefix("#") }) else { return }
        throw NotesError(.file, "\(displayPath):\(last.startLine): \(what) opened here is never closed, so the rest of the file, headings included, is inside it; nothing was written",
                         hint: "close it with \(closer), then run the command again")
    }

    /// For an HTML block opener that only its end marker closes (CommonMark kinds 1-5): what it is and that
    /// marker (lowercase); nil for the kinds a blank line ends.
    static func unclosableHTML(_ opener: Substring) -> (what: String, end: String)? {
        let lower = opener.lowercased()
        if lower.hasPrefix("<!--") { return ("an HTML comment (<!--)", "-->") }
        if lower.hasPrefix("<![cdata[") { return ("a CDATA section (<![CDATA[)", "]]>") }
        if lower.hasPrefix("<?") { return ("a processing instruction (<?)", "?>") }
        if lower.hasPrefix("<!"), let letter = lower.dropFirst(2).first, letter.isASCII, letter.isLetter {
            return ("a declaration (\(opener.prefix(3)))", ">")
        }
        for tag in ["pre", "script", "style", "textarea"] where lower.hasPrefix("<" + tag) {
            let after = lower.dropFirst(tag.count + 1).first
            guard after == nil || after == " " || after == "\t" || after == ">" else { continue }
            return ("an HTML <\(tag)> block", "</\(tag)>")
        }
        return nil
    }

    /// Makes a file from bytes already in memory (tests, and files not read from disk).
    public init(path: String, displayPath: String, original: [UInt8]?, document: MarkdownDocument) {
        self.path = path
        self.displayPath = displayPath
        self.original = original
        self.document = document
    }
}
