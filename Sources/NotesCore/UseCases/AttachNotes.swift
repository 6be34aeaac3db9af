import Foundation
import NotesGit

/// What `notes attach` is asked for.
public struct AttachRequest: Sendable {
    /// A folder inside the repository.
    public var repositoryPath: String
    /// The released version whose tag exists (`0.1.3`, `v0.1.3`).
    public var version: String
    /// Tag prefix and notes ref.
    public var settings: ReleaseSettings
    /// Also write the notes to this file (absolute path), for `gh release create --notes-file`.
    public var outputPath: String?
    /// "Now" (unix seconds): the note's time.
    public var now: Int64
    /// The environment: `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_ACTIONS`, `GIT_COMMITTER_*`.
    public var environment: [String: String]

    /// Makes a request.
    public init(repositoryPath: String, version: String, settings: ReleaseSettings, outputPath: String? = nil,
                now: Int64, environment: [String: String]) {
        self.repositoryPath = repositoryPath
        self.version = version
        self.settings = settings
        self.outputPath = outputPath
        self.now = now
        self.environment = environment
    }
}

/// What `notes attach` did.
public struct AttachResult: Sendable {
    /// The tag (`v0.1.3`).
    public var tagName: String
    /// The version, bare (`0.1.3`).
    public var version: String
    /// The previous release tag, nil for a first release.
    public var previous: String?
    /// The tagged commit the note is on.
    public var target: CommitID
    /// The notes.
    public var notes: String
    /// True when a note was there before and was replaced.
    public var replaced: Bool
    /// True when the note there already held these notes: nothing was written to the notes ref.
    public var unchanged: Bool
    /// The notes ref written (`refs/notes/release`).
    public var notesRef: String
    /// The notes' range: `v0.1.2..v0.1.3, 3 commits`.
    public var summary: String
    /// The GitHub Actions outputs written, by name, when `GITHUB_OUTPUT` was set.
    public var githubOutputs: [String]
    /// True when the notes were appended to `GITHUB_STEP_SUMMARY`.
    public var wroteStepSummary: Bool

    /// `git push origin refs/notes/release`.
    public var pushCommand: String { "git push origin \(notesRef)" }
}

/// `notes attach VERSION`: the CI step. Renders the notes of an existing tag and attaches them to the tagged
/// commit as a git note, and hands them to GitHub Actions.
public enum AttachNotes {
    /// Runs the step; see the `notes attach` help for what it writes.
    public static func run(_ request: AttachRequest) throws -> AttachResult {
        if let outputPath = request.outputPath { try AtomicFile.checkWritable(outputPath) }
        let workspace = try ReleaseWorkspace(repositoryPath: request.repositoryPath, settings: request.settings)
        let version = try workspace.version(request.version)
        guard let tag = workspace.source.tag(for: version, named: workspace.tagName(for: version))
            ?? workspace.source.tag(for: version, named: request.version) else {
            let name = workspace.tagName(for: version)
            if workspace.repository.isShallow {
                throw NotesError(.repository, "tag \(name) is not in this shallow clone",
                                 hint: NotesError.shallowHint)
            }
            throw NotesError(.badInput, "tag \(name) does not exist",
                             hint: "create it first with notes tag \(version.bare) (or notes release \(version.bare)); "
                                 + "run git fetch --tags if it is on the remote")
        }
        let rendered = try ReleaseNotesText.render(workspace.source, tagName: tag.name, to: nil, now: request.now)
        let identity = try workspace.identity(environment: request.environment, allowActionsBot: true)
        let signature = identity.signature(time: request.now)
        let notesRef = request.settings.notesRef
        let repository = workspace.repository
        let replaced: Bool
        let unchanged: Bool
        do {
            let previousNote = try repository.note(on: tag.tag.target, ref: notesRef)
            replaced = previousNote != nil
            unchanged = previousNote == rendered.text
            if previousNote != rendered.text {
                try repository.setNote(rendered.text, on: tag.tag.target, ref: notesRef, author: signature,
                                       committer: signature)
            }
        } catch let error as GitError {
            throw NotesError(.repository, "writing the note under \(notesRef) failed: \(error.message)",
                             hint: "check that \(notesRef) is a notes ref (refs/notes/...)")
        }
        if let outputPath = request.outputPath {
            try AtomicFile.write(Array(rendered.text.utf8), to: outputPath)
        }
        let previous = rendered.result.notes.info.previousTag
        var outputs: [String] = []
        if let path = request.environment["GITHUB_OUTPUT"], !path.isEmpty {
            let values: [(String, String)] = [
                ("version", version.bare), ("tag", tag.name), ("previous", previous ?? ""), ("notes", rendered.text),
            ]
            try GitHubActions.appendOutputs(values, to: path)
            outputs = values.map(\.0)
        }
        var wroteSummary = false
        if let path = request.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty {
            try GitHubActions.append(Array(rendered.text.utf8), to: path, what: "GITHUB_STEP_SUMMARY")
            wroteSummary = true
        }
        return AttachResult(tagName: tag.name, version: version.bare, previous: previous, target: tag.tag.target,
                            notes: rendered.text, replaced: replaced, unchanged: unchanged, notesRef: notesRef,
                            summary: rendered.summary, githubOutputs: outputs, wroteStepSummary: wroteSummary)
    }
}

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
