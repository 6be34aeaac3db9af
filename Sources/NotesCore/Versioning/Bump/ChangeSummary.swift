/// What a version bump is computed from: the commits of a range that are changes, by their Conventional
/// Commits types and breaking flags, never by the section they are shown in (sections are presentation:
/// renaming `features` or moving `feat` elsewhere does not change the bump).
///
/// A change is every commit that is not a merge, a release commit, or a commit and its revert that cancel
/// out in the range. Commits that notes.toml hides from the notes (`hidden_types`, `[[skip]]`, `scopes`)
/// or a correction leaves out still count: they ship. A corrected commit counts with the type its correction
/// gives (`notes edit --section fixes` on a `chore`: a fix; `--section features`: a feature; `--breaking`:
/// a breaking change).
public struct ChangeSummary: Sendable, Hashable {
    /// How many changes.
    public var count: Int
    /// True when a change is breaking (`!` or a `BREAKING CHANGE` footer).
    public var hasBreaking: Bool
    /// True when a change has type `feat`.
    public var hasFeature: Bool

    /// Reads the changes of `notes`.
    public init(_ notes: ReleaseNotes) {
        var count = 0
        var breaking = false
        var feature = false
        for item in notes.commits {
            switch item.skipped {
            case .merge?, .release?, .reverted?, .revert?: continue
            default: break
            }
            count += 1
            if item.edit != nil {
                // A correction decides what the bump sees (`notes edit --section`, `--breaking`).
                if item.bumpBreaking { breaking = true }
                if item.bumpType == "feat" { feature = true }
            } else if let conventional = item.record.conventional {
                if conventional.isBreaking { breaking = true }
                if conventional.type.lowercased() == "feat" { feature = true }
            }
        }
        self.count = count
        hasBreaking = breaking
        hasFeature = feature
    }
}
