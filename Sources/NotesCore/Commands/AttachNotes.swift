import Foundation
import NotesGit

/// What `notes attach` is asked for.
public struct AttachRequest: Sendable {
    /// The settings (tag prefix, notes ref, templates, ...).
    public var settings: Settings
    /// The released version whose tag exists (`0.1.3`, `v0.1.3`).
    public var version: String
    /// Also write the notes to this file (absolute path), for `gh release create --notes-file`.
    public var outputPath: String?
    /// Now (the note's time) and the environment: `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, `GITHUB_ACTIONS`,
    /// `GIT_COMMITTER_*`.
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, version: String, outputPath: String? = nil, context: RunContext) {
        self.settings = settings
        self.version = version
        self.outputPath = outputPath
        self.context = context
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
    /// What the user should know: the notes ref started from a fetched copy, or was not fetched at all.
    public var warnings: [String] = []

    /// `git push origin refs/notes/release`.
    public var pushCommand: String { "git push origin \(notesRef)" }
}

/// `notes attach VERSION`: the CI step. Renders the notes of an existing tag and attaches them to the tagged
/// commit as a git note, and hands them to GitHub Actions.
public enum AttachNotes {
    /// Runs the step; see the `notes attach` help for what it writes.
    public static func run(_ request: AttachRequest) throws -> AttachResult {
        let outputScope = PathScope(request.settings.boundary, .commandLine)
        if let outputPath = request.outputPath { try AtomicFile.checkWritable(outputPath, scope: outputScope) }
        let environment = request.context.environment
        let outputFile = try environment["GITHUB_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 }.map {
            try GitHubActions.Destination($0, variable: "GITHUB_OUTPUT", boundary: request.settings.boundary)
        }
        let summaryFile = try environment["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }.map {
            try GitHubActions.Destination($0, variable: "GITHUB_STEP_SUMMARY", boundary: request.settings.boundary)
        }
        try request.settings.requirePackage(for: "attach")
        try request.settings.requirePackage(forTag: request.version, command: "attach")
        let lock = try WriteLock.acquire(request.settings, command: "notes attach", environment: request.context.environment)
        defer { lock.release() }
        let history = try request.context.history(request.settings)
        let workspace = try ReleaseWorkspace(history: history)
        let version = try history.version(request.version)
        let name = history.tagName(for: version, written: request.version)
        guard let tag = history.existingTag(named: name) else {
            if workspace.repository.isShallow {
                throw NotesError(.repository, "tag \(name) is not in this shallow clone",
                                 hint: NotesError.shallowHint)
            }
            throw NotesError(.badInput, "tag \(name) does not exist",
                             hint: "create it first with notes tag \(version.bare)\(request.settings.packageHint) (or notes release \(version.bare)\(request.settings.packageHint)); "
                                 + "run git fetch --tags if it is on the remote")
        }
        let rendered = try ReleaseNotesText.render(history, RangeRequest(version: tag.name), now: request.context.now)
        let identity = try workspace.identity(environment: environment, allowActionsBot: true)
        let signature = identity.signature(time: request.context.now)
        let notesRef = request.settings.notesRef
        let repository = workspace.repository
        let replaced: Bool
        let unchanged: Bool
        var warnings: [String] = []
        let start = try NotesRefStart.prepare(notesRef, in: repository, remote: request.settings.links.remote)
        if let line = start.said { warnings.append(line) }
        do {
            let previousNote = try repository.note(on: tag.tag.target, ref: notesRef)
            replaced = previousNote != nil
            unchanged = previousNote == rendered.text
            if previousNote != rendered.text {
                try repository.setNote(rendered.text, on: tag.tag.target, ref: notesRef, author: signature,
                                       committer: signature)
            }
        } catch let error as GitError {
            throw GitWriteFailure.error(error, "writing the note under \(notesRef)", gitDir: repository.gitDir,
                                        hint: "check that \(notesRef) is a notes ref (refs/notes/...)")
        }
        if let outputPath = request.outputPath {
            try AtomicFile.write(Array(rendered.text.utf8), to: outputPath, scope: outputScope)
        }
        let previous = rendered.result.notes.info.previousTag
        var outputs: [String] = []
        if let outputFile {
            let values: [(String, String)] = [
                ("version", version.bare), ("tag", tag.name), ("previous", previous ?? ""), ("notes", rendered.text),
            ]
            try outputFile.append(Array(GitHubActions.outputText(values).utf8))
            outputs = values.map(\.0)
        }
        var wroteSummary = false
        if let summaryFile {
            try summaryFile.append(Array(rendered.text.utf8))
            wroteSummary = true
        }
        return AttachResult(tagName: tag.name, version: version.bare, previous: previous, target: tag.tag.target,
                            notes: rendered.text, replaced: replaced, unchanged: unchanged, notesRef: notesRef,
                            summary: rendered.summary, githubOutputs: outputs, wroteStepSummary: wroteSummary,
                            warnings: warnings)
    }
}

