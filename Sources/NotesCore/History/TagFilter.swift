import Foundation
import NotesGit

/// Which tags may be release tags at all, before ``TagPattern`` reads versions from their names:
/// `[tags] ignore` and a package's `tag_ignore` (globs, as `fnmatch` reads them: `v0.*`, `old-v[0-7].*`)
/// leave tags out, and `[tags] pattern` or a package's `tag_pattern` (a regular expression) keeps only the
/// names it matches. Like git-cliff's `skip_tags` and `tag_pattern`. Applied once, where the history reads
/// its tags, so every command sees the same release tags.
public struct TagFilter: Sendable {
    /// Globs of names that are never release tags.
    public var ignore: [String]
    /// The regular expression a release tag's name must match (anywhere in the name); nil: no condition.
    public var pattern: String?

    /// Makes a filter; the pattern was checked when the configuration loaded.
    public init(ignore: [String] = [], pattern: String? = nil) {
        self.ignore = ignore
        self.pattern = pattern
    }

    /// True when the filter leaves every tag in.
    public var isEmpty: Bool { ignore.isEmpty && pattern == nil }

    /// True when `name` may be a release tag.
    public func admits(_ name: String) -> Bool {
        for glob in ignore where fnmatch(glob, name, 0) == 0 { return false }
        guard let pattern else { return true }
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return true }
        return regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
    }

    /// The tags `admits` keeps, in their order.
    public func filter(_ tags: [TagRef]) -> [TagRef] {
        isEmpty ? tags : tags.filter { admits($0.name) }
    }
}
