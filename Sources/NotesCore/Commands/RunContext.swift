/// When and where a command runs, besides its settings: "now", the environment, and who hears how far a
/// long walk has got.
public struct RunContext: Sendable {
    /// "Now" (unix seconds): `SOURCE_DATE_EPOCH` or the clock. Dates releases whose tag does not exist yet,
    /// and the time of commits, tags and notes notes makes.
    public var now: Int64
    /// The environment (`GIT_COMMITTER_*`, `GIT_AUTHOR_*`, `GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`, ...).
    public var environment: [String: String]
    /// Called with the running count of commits read, about every 1,000, while a walk runs; nil: nobody.
    public var progress: (@Sendable (Int) -> Void)?
    /// Hears warnings about a release's range (the previous tag is not an ancestor); nil: nobody.
    public var warn: (@Sendable (String) -> Void)?

    /// Makes a context.
    public init(now: Int64, environment: [String: String] = [:], progress: (@Sendable (Int) -> Void)? = nil,
                warn: (@Sendable (String) -> Void)? = nil) {
        self.warn = warn
        self.now = now
        self.environment = environment
        self.progress = progress
    }

    /// The history pipeline for `settings`, reporting progress here.
    func history(_ settings: Settings) throws -> ReleaseHistory {
        try ReleaseHistory(settings: settings, progress: progress, warn: warn)
    }
}
