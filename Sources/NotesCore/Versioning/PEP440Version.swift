import Foundation
import Version

/// A Python package version as PEP 440 reads it (`0.1.4rc1`, `1.0.0.post1`, `2.0.0.dev3`, `1.0.0-rc.1`),
/// ordered as PEP 440 orders them: `1.0.0.dev1 < 1.0.0a1 < 1.0.0b2 < 1.0.0rc1 < 1.0.0 < 1.0.0.post1 < 1.0.1`.
///
/// notes keeps semantic versions in tags (`v0.1.4-rc.1`) and writes what PEP 440 normalises them to into
/// Python files (`0.1.4rc1`, see ``text(for:)``), as maturin, uv and PyPI would rewrite them anyway.
public struct PEP440Version: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The release numbers (`[1, 0, 0]`).
    public var release: [Int]
    /// The pre-release: 0 alpha, 1 beta, 2 release candidate, with its number.
    public var pre: (kind: Int, number: Int)?
    /// The post-release number.
    public var post: Int?
    /// The development release number.
    public var dev: Int?

    private static let regex = try! NSRegularExpression(pattern: """
        ^\\s*v?(\\d+(?:\\.\\d+)*)\
        (?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\\d*))?\
        (?:-(\\d+)|[-_.]?(?:post|rev|r)[-_.]?(\\d*))?\
        (?:[-_.]?dev[-_.]?(\\d*))?\
        (?:\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?\\s*$
        """, options: [.caseInsensitive])

    /// Parses a PEP 440 version (also the spellings PEP 440 normalises, such as `1.0.0-rc.1`); nil otherwise.
    public init?(_ text: String) {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = Self.regex.firstMatch(in: text, range: range) else { return nil }
        func group(_ index: Int) -> String? {
            guard let range = Range(match.range(at: index), in: text) else { return nil }
            return String(text[range])
        }
        guard let numbers = group(1) else { return nil }
        // A number of more than nine digits makes the text no version (nil), as for tags (`ReleaseVersion`):
        // it cannot overflow when read or bumped. An empty optional number is 0, as PEP 440 says.
        func number(_ digits: some StringProtocol) -> Int? { digits.count < 10 ? Int(digits) : nil }
        func optionalNumber(_ digits: String?) -> Int? {
            guard let digits, !digits.isEmpty else { return 0 }
            return number(digits)
        }
        var release: [Int] = []
        for part in numbers.split(separator: ".") {
            guard let value = number(part) else { return nil }
            release.append(value)
        }
        guard !release.isEmpty else { return nil }
        self.release = release
        if let kind = group(2)?.lowercased() {
            let order = kind.hasPrefix("a") ? 0 : kind.hasPrefix("b") ? 1 : 2
            guard let number = optionalNumber(group(3)) else { return nil }
            pre = (order, number)
        }
        if let implicit = group(4) {
            guard let value = number(implicit) else { return nil }
            post = value
        } else if match.range(at: 5).location != NSNotFound {
            guard let number = optionalNumber(group(5)) else { return nil }
            post = number
        }
        if match.range(at: 6).location != NSNotFound {
            guard let number = optionalNumber(group(6)) else { return nil }
            dev = number
        }
    }

    /// The PEP 440 reading of a semantic version: `-alpha.N`/`-a.N` an alpha, `-beta.N`/`-b.N` a beta,
    /// `-rc.N`/`-c.N`/`-pre.N` a release candidate, `-dev.N` a development release; nil for other
    /// pre-release names, which PEP 440 cannot write.
    public init?(semver version: Version) {
        release = [version.major, version.minor, version.patch]
        let identifiers = version.prereleaseIdentifiers
        guard let name = identifiers.first?.lowercased() else { return }
        guard identifiers.count <= 2 else { return nil }
        let number = identifiers.count == 2 ? Int(identifiers[1]) : 0
        guard let number else { return nil }
        switch name {
        case "alpha", "a": pre = (0, number)
        case "beta", "b": pre = (1, number)
        case "rc", "c", "pre", "preview": pre = (2, number)
        case "dev": dev = number
        default: return nil
        }
    }

    /// The normalised form: `0.1.4rc1`, `1.0.0.post1`, `2.0.0.dev3`.
    public var description: String {
        var text = release.map(String.init).joined(separator: ".")
        if let pre { text += ["a", "b", "rc"][pre.kind] + String(pre.number) }
        if let post { text += ".post\(post)" }
        if let dev { text += ".dev\(dev)" }
        return text
    }

    /// The semantic version it stands for, when there is one (`0.1.4rc1` → `0.1.4-rc.1`); post-releases and
    /// versions with more or fewer than three numbers have none.
    public var semver: Version? {
        guard release.count == 3, post == nil else { return nil }
        if let pre {
            guard dev == nil else { return nil }
            return Version(release[0], release[1], release[2], pre: [["alpha", "beta", "rc"][pre.kind], String(pre.number)])
        }
        if let dev { return Version(release[0], release[1], release[2], pre: ["dev", String(dev)]) }
        return Version(release[0], release[1], release[2])
    }

    /// What notes writes into a Python file for `version`: its PEP 440 normal form (`0.1.4-rc.1` → `0.1.4rc1`),
    /// or the semantic version as it is when PEP 440 has no spelling for it.
    public static func text(for version: Version) -> String {
        PEP440Version(semver: version)?.description ?? version.description
    }

    private var key: ([Int], Int, Int, Int, Int) {
        let preKey = pre.map { ($0.kind, $0.number) } ?? (dev != nil && post == nil ? (-1, 0) : (3, 0))
        return (release, preKey.0, preKey.1, post ?? -1, dev ?? Int.max)
    }

    public static func < (lhs: PEP440Version, rhs: PEP440Version) -> Bool {
        let count = max(lhs.release.count, rhs.release.count)
        let left = lhs.release + Array(repeating: 0, count: count - lhs.release.count)
        let right = rhs.release + Array(repeating: 0, count: count - rhs.release.count)
        if left != right { return left.lexicographicallyPrecedes(right) }
        let (l, r) = (lhs.key, rhs.key)
        if l.1 != r.1 { return l.1 < r.1 }
        if l.2 != r.2 { return l.2 < r.2 }
        if l.3 != r.3 { return l.3 < r.3 }
        return l.4 < r.4
    }

    public static func == (lhs: PEP440Version, rhs: PEP440Version) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        var release = self.release
        while release.count > 1, release.last == 0 { release.removeLast() }
        hasher.combine(release)
        hasher.combine(pre?.kind)
        hasher.combine(pre?.number)
        hasher.combine(post)
        hasher.combine(dev)
    }
}
