import Version

/// Computes the version of the next release from the previous one and the kinds of changes since it.
///
/// The rules, each decided once here (peers named where one was followed):
/// - Stable current: the level from ``BumpRules/level(hasBreaking:hasFeature:major:)`` is applied
///   (`1.2.3` + feature → `1.3.0`); build metadata is dropped.
/// - No previous release: `0.1.0` whatever the changes (git-cliff's default `initial_tag`; cocogitto, which
///   bumps from `0.0.0`, gives `0.1.0` for a feature too). release-please starts at `1.0.0`; such projects
///   pass `--to 1.0.0`.
/// - `preID` on a stable current: the bumped version plus `-<preID>.1` (`1.2.0` + feature + `rc` → `1.3.0-rc.1`).
/// - Pre-release current, same `preID`: the counter goes up (`1.3.0-rc.1` → `1.3.0-rc.2`), unless the changes
///   need a bigger bump than the pre-release already makes, where the pre-release's own level is read from its
///   numbers (`x.y.z` with `z > 0` is a patch, `x.y.0` a minor, `x.0.0` a major): then the base moves and the
///   counter restarts (`1.3.0-rc.2` + breaking → `2.0.0-rc.1`). This is how semantic-release and node-semver's
///   `prerelease` increment behave; cocogitto leaves the pre-release series alone.
/// - Pre-release current, no `preID`: finalise to the base (`1.3.0-rc.2` → `1.3.0`), with the same escalation
///   (`1.3.0-rc.2` + breaking → `2.0.0`). Finalising needs no new commits: promoting a tested candidate is
///   the release.
/// - Pre-release current, another `preID`: same base, counter `1` (`1.3.0-alpha.2` + `beta` → `1.3.0-beta.1`),
///   with the same escalation; when the new name sorts below the old one (`beta` after `rc`) it is refused as
///   a version going backwards, as SemVer orders identifiers in ASCII order (node-semver refuses it too).
///   Switching names needs no new commits.
/// - `explicit` (`--to`) wins over the computed version and needs no commits; it must be above `current`
///   (pre-release ordering counts, build metadata does not). With `preID` too, `-<preID>.1` is appended to an
///   explicit stable version; an explicit pre-release with `preID` is a conflict.
/// - Nothing changed (`hasAnyChange == false`) and nothing explicit, no finalising, no name switch:
///   ``NotesError/ExitCode/nothingToDo``.
/// - The result keeps `current`'s prefix (`v1.2.3` → `v1.3.0`); without a current, `explicit`'s prefix or none.
public enum NextVersion {
    /// The version a release has when there is no previous one: `0.1.0`.
    public static let initial = Version(0, 1, 0)

    /// Computes the next version; see ``NextVersion`` for the rules.
    ///
    /// - Parameters:
    ///   - current: the previous release, nil when there is none.
    ///   - hasBreaking: a commit since `current` is a breaking change.
    ///   - hasFeature: a commit since `current` is a feature.
    ///   - hasAnyChange: there is at least one commit since `current`.
    ///   - rules: the `0.x` rules.
    ///   - preID: the pre-release name (`rc`, `beta`), one SemVer identifier, not numeric; nil for a release.
    ///   - explicit: the version asked for with `--to`, nil to compute it.
    /// - Throws: ``NotesError`` `.badInput` for a bad `preID`, a version going backwards or conflicting options;
    ///   `.nothingToDo` when there is nothing to release.
    public static func compute(
        current: ReleaseVersion?,
        hasBreaking: Bool,
        hasFeature: Bool,
        hasAnyChange: Bool,
        rules: BumpRules,
        preID: String?,
        explicit: ReleaseVersion?
    ) throws -> ReleaseVersion {
        if let preID { try checkPreID(preID) }
        if let explicit {
            return try explicitVersion(explicit, current: current, preID: preID)
        }
        guard let current else {
            guard hasAnyChange else {
                throw NotesError(.nothingToDo, "no commits to release",
                                 hint: "commit something first, or pass --to <version>")
            }
            return ReleaseVersion(version: withPre(initial, preID), prefix: "")
        }
        let version = current.version
        let required = hasAnyChange
            ? rules.level(hasBreaking: hasBreaking, hasFeature: hasFeature, major: version.major) : nil

        guard current.isPrerelease else {
            guard let required else { throw nothingToDo(current) }
            return ReleaseVersion(version: withPre(bumped(core(version), required), preID), prefix: current.prefix)
        }

        let base = core(version)
        let escalated = required.map { $0 > impliedLevel(of: base) } ?? false
        let newBase = escalated ? bumped(base, required ?? .patch) : base
        guard let preID else {
            return ReleaseVersion(version: newBase, prefix: current.prefix)
        }
        if escalated {
            return ReleaseVersion(version: withPre(newBase, preID), prefix: current.prefix)
        }
        let identifiers = version.prereleaseIdentifiers
        let candidate: Version
        if identifiers.first == preID {
            guard hasAnyChange else {
                throw NotesError(.nothingToDo, "no commits since \(current): nothing for \(preID) to add",
                                 hint: "drop --pre to finalise \(base), or pass --to <version>")
            }
            if identifiers.count == 1 {
                candidate = withPre(base, preID)
            } else if identifiers.count == 2, let counter = Int(identifiers[1]), counter < Int.max {
                candidate = Version(base.major, base.minor, base.patch, pre: [preID, String(counter + 1)])
            } else {
                candidate = withPre(base, preID)
            }
        } else {
            candidate = withPre(base, preID)
        }
        guard version < candidate else {
            throw NotesError(
                .badInput, "version goes backwards: \(candidate) is not above \(version)",
                hint: "pre-release names sort in ASCII order (alpha < beta < rc); continue with --pre "
                    + "\(identifiers.first ?? preID), drop --pre to finalise \(base), or pass --to <version>")
        }
        return ReleaseVersion(version: candidate, prefix: current.prefix)
    }

    /// `version` moved by `level`, with the lower numbers reset and pre-release and build dropped:
    /// `1.2.3` by minor → `1.3.0`.
    public static func bumped(_ version: Version, _ level: BumpLevel) -> Version {
        switch level {
        case .major: Version(version.major + 1, 0, 0)
        case .minor: Version(version.major, version.minor + 1, 0)
        case .patch: Version(version.major, version.minor, version.patch + 1)
        }
    }

    /// The level a pre-release's numbers already make: `1.2.4-rc.1` a patch, `1.3.0-rc.1` a minor,
    /// `2.0.0-rc.1` a major (also `0.0.0`).
    public static func impliedLevel(of version: Version) -> BumpLevel {
        if version.patch != 0 { return .patch }
        if version.minor != 0 { return .minor }
        return .major
    }

    // MARK: - Helpers

    private static func core(_ version: Version) -> Version {
        Version(version.major, version.minor, version.patch)
    }

    private static func withPre(_ version: Version, _ preID: String?) -> Version {
        guard let preID else { return version }
        return Version(version.major, version.minor, version.patch, pre: [preID, "1"])
    }

    private static func nothingToDo(_ current: ReleaseVersion) -> NotesError {
        NotesError(.nothingToDo, "no commits since \(current): nothing to release",
                   hint: "commit a change first, or pass --to <version> to release anyway")
    }

    private static func checkPreID(_ preID: String) throws {
        let valid = !preID.isEmpty
            && preID.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D
            }
            && !preID.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard valid else {
            throw NotesError(.badInput, "\"\(preID)\" is not a pre-release name",
                             hint: "give one word of letters, digits and hyphens, such as alpha, beta or rc; "
                                 + "notes adds the number (rc.1, rc.2)")
        }
    }

    private static func explicitVersion(
        _ explicit: ReleaseVersion, current: ReleaseVersion?, preID: String?
    ) throws -> ReleaseVersion {
        var target = explicit.version
        if let preID {
            guard !explicit.isPrerelease else {
                throw NotesError(.badInput, "--to \(explicit.bare) already is a pre-release; --pre \(preID) conflicts",
                                 hint: "drop --pre, or give --to without a pre-release part")
            }
            target = Version(target.major, target.minor, target.patch, pre: [preID, "1"],
                             build: target.buildMetadataIdentifiers)
        }
        guard let current else { return ReleaseVersion(version: target, prefix: explicit.prefix) }
        guard current.version < target else {
            let next = bumped(core(current.version), .patch)
            throw NotesError(
                .badInput, "version goes backwards: \(target) is not above \(current.version)",
                hint: "pass a version above \(current.version) to --to, such as \(current.isPrerelease ? core(current.version) : next)")
        }
        return ReleaseVersion(version: target, prefix: current.prefix)
    }
}
