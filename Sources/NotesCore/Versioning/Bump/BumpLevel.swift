/// How far a release moves the version, ordered by size: `patch < minor < major`.
public enum BumpLevel: Sendable, Hashable, Comparable, CaseIterable {
    /// `1.2.3 → 2.0.0`: a breaking change (below 1.0.0 see ``BumpRules``).
    case major
    /// `1.2.3 → 1.3.0`: a feature.
    case minor
    /// `1.2.3 → 1.2.4`: any other change.
    case patch

    private var size: Int {
        switch self {
        case .patch: 0
        case .minor: 1
        case .major: 2
        }
    }

    /// Orders by size: `patch < minor < major`.
    public static func < (lhs: BumpLevel, rhs: BumpLevel) -> Bool { lhs.size < rhs.size }
}

/// How changes map to a ``BumpLevel`` while the major version is 0 (SemVer leaves `0.x` to the project).
///
/// From 1.0.0 on, a breaking change always bumps major and a feature minor; these knobs only act below 1.0.0.
/// Both default to `true`, the cautious `0.x` convention Cargo users expect.
///
/// Equivalents elsewhere:
/// - `breakingBelowOneBumpsMinor` = git-cliff `[bump] breaking_always_bump_major` negated (its default `false`
///   equals our default `true`) = release-please `bump-minor-pre-major` (default `false` there).
/// - `featureBelowOneBumpsPatch` = git-cliff `[bump] features_always_bump_minor` negated (its default `false`
///   equals our default `true`) = release-please `bump-patch-for-minor-pre-major` (default `false` there).
public struct BumpRules: Sendable, Hashable {
    /// Below 1.0.0, a breaking change bumps minor (`0.9.0 → 0.10.0`) instead of major (`0.9.0 → 1.0.0`).
    /// Default `true`.
    public var breakingBelowOneBumpsMinor: Bool
    /// Below 1.0.0, a feature bumps patch (`0.1.0 → 0.1.1`) instead of minor (`0.1.0 → 0.2.0`). Default `true`.
    public var featureBelowOneBumpsPatch: Bool

    /// Makes rules; the defaults are the `0.x` convention (breaking → minor, feature → patch).
    public init(breakingBelowOneBumpsMinor: Bool = true, featureBelowOneBumpsPatch: Bool = true) {
        self.breakingBelowOneBumpsMinor = breakingBelowOneBumpsMinor
        self.featureBelowOneBumpsPatch = featureBelowOneBumpsPatch
    }

    /// The level for a set of changes on a version whose major is `major`:
    /// breaking → major, feature → minor, anything else → patch, with the `0.x` knobs applied when `major == 0`.
    public func level(hasBreaking: Bool, hasFeature: Bool, major: Int) -> BumpLevel {
        let belowOne = major == 0
        if hasBreaking { return belowOne && breakingBelowOneBumpsMinor ? .minor : .major }
        if hasFeature { return belowOne && featureBelowOneBumpsPatch ? .patch : .minor }
        return .patch
    }
}
