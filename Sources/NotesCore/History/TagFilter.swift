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
    /// Compiled once, where the settings are resolved; it matches in linear time (``LinearRegex``).
    public var regex: LinearRegex?

    /// The pattern as written.
    public var pattern: String? { regex?.source }

    /// Makes a filter from a compiled pattern.
    public init(ignore: [String] = [], regex: LinearRegex? = nil) {
        self.ignore = ignore
        self.regex = regex
    }

    /// Makes a filter from a configured pattern; an invalid one is a configuration error naming `key`
    /// (the loader reports it first, with the file and line).
    public init(ignore: [String] = [], pattern: String?, key: String = "tags.pattern") throws {
        self.init(ignore: ignore, regex: try LinearRegex.configured(pattern, key: key))
    }

    /// True when the filter leaves every tag in.
    public var isEmpty: Bool { ignore.isEmpty && regex == nil }

    /// True when `name` may be a release tag.
    public func admits(_ name: String) -> Bool {
        for glob in ignore where fnmatch(glob, name, 0) == 0 { return false }
        guard let regex else { return true }
        return regex.matches(name)
    }

    /// The tags `admits` keeps, in their order.
    public func filter(_ tags: [TagRef]) -> [TagRef] {
        isEmpty ? tags : tags.filter { admits($0.name) }
    }
}
