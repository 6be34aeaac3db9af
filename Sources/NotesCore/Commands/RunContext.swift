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
    /// Hears what the user should know besides the result (a bootstrapped range, tags the version files
    /// disagree with), one line each, for stderr; nil: nobody.
    public var say: (@Sendable (String) -> Void)?

    /// Makes a context.
    public init(now: Int64, environment: [String: String] = [:], progress: (@Sendable (Int) -> Void)? = nil,
                say: (@Sendable (String) -> Void)? = nil) {
        self.now = now
        self.environment = environment
        self.progress = progress
        self.say = say
    }

    /// The history pipeline for `settings`, reporting progress here.
    func history(_ settings: Settings) throws -> ReleaseHistory {
        try ReleaseHistory(settings: settings, progress: progress, notify: say)
    }
}
