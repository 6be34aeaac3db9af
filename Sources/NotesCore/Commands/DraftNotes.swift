/// What `notes draft` prints instead of the notes, if anything.
public enum DraftOutput: Sendable, Hashable {
    /// The rendered notes.
    case notes
    /// The view model templates see, as JSON (`--context`).
    case context
    /// One line per commit: where it went and why (`--explain`).
    case explain
}

/// What `notes draft` is asked for.
public struct DraftRequest: Sendable {
    /// The settings.
    public var settings: Settings
    /// Which release.
    public var range: RangeRequest
    /// Notes, context or explanation.
    public var output: DraftOutput
    /// Fail with exit 6 when the range has commits that are not Conventional Commits.
    public var strict: Bool
    /// Now, environment, progress.
    public var context: RunContext

    /// Makes a request.
    public init(settings: Settings, range: RangeRequest, output: DraftOutput = .notes, strict: Bool = false,
                context: RunContext) {
        self.settings = settings
        self.range = range
        self.output = output
        self.strict = strict
        self.context = context
    }
}

/// What `notes draft` produced.
public struct DraftOutcome: Sendable {
    /// The notes, the JSON view model or the explanation.
    public var text: String
    /// The range and its size, for stderr: `v1.2.2..HEAD, 37 commits`.
    public var summary: String
}

/// `notes draft`: one release's notes, as the tag message and `notes attach` will have them.
public enum DraftNotes {
    /// Runs the draft. Throws `NotesError` for everything a user can cause.
    public static func run(_ request: DraftRequest) throws -> DraftOutcome {
        let history = try request.context.history(request.settings)
        var range = request.range
        range.listOutsidePaths = request.output == .explain
        let result: ReleaseResult
        let text: String
        switch request.output {
        case .notes:
            let notes = try ReleaseNotesText.render(history, range, now: request.context.now)
            (result, text) = (notes.result, notes.text)
        case .context:
            range.newContributors = true
            result = try history.release(range, now: request.context.now)
            text = try ContextJSON.encode(result.context)
        case .explain:
            result = try history.release(range, now: request.context.now)
            text = DraftReport.explain(result.notes, rules: request.settings.grouping,
                                       configurationFile: request.settings.configurationFile)
                + curatedEntries(request, history: history)
        }
        if request.strict {
            let offenders = DraftReport.nonConventional(result.notes)
            if !offenders.isEmpty { throw DraftReport.strictError(offenders, rangeLabel: result.notes.info.rangeLabel) }
        }
        return DraftOutcome(text: text, summary: result.summary)
    }

    /// For `--explain`: the changes a curated entry of this release leaves out, in the CHANGELOG and in the
    /// README's release-notes section, as `notes changelog` and `notes readme` say them (nothing is
    /// written). Empty when the files have no such entry, or cannot be read (their own commands say why).
    static func curatedEntries(_ request: DraftRequest, history: ReleaseHistory) -> String {
        let files = FileEditRequest(settings: request.settings, range: request.range, context: request.context)
        var changes: [FileChange] = []
        if let change = try? UpdateChangelog.run(files, history: history).change { changes.append(change) }
        if request.range.version != nil, let change = try? UpdateReadme.run(files, history: history).change {
            changes.append(change)
        }
        let notices = changes.filter(\.incomplete).compactMap { change in
            change.notice.map { "\(change.displayPath): \($0)" }
        }
        return notices.isEmpty ? "" : "\n" + notices.joined(separator: "\n") + "\n"
    }
}
