import NotesGit

/// The release tags that share a prefix: `v1.2.3` and `1.2.3` (the default family), `plugin-legacy@8.2.3`,
/// `conventional-changelog-angular-v9.4.0`. A tag's family is what comes before the longest ending of
/// its name that is a semantic version.
public struct TagFamily: Sendable, Hashable {
    /// The prefix; nil for the default family (`v` or nothing).
    public var prefix: String?
    /// Its tags, by name.
    public var tags: [TagRef]

    /// How the family is written in messages: the prefix, or `v` for the default family.
    public var display: String { prefix ?? "v" }

    /// `name` as its family's prefix (nil: `v`, `V` or nothing) and its version; nil when no ending of the
    /// name is a semantic version. The longest such ending wins, so `pkg-v1.0.0-rc.1` is `pkg-v` + `1.0.0-rc.1`.
    ///
    /// The version may start at any ASCII digit of the name (an ASCII byte always starts a scalar), also
    /// one that shares a `Character` with a scalar before it, but never inside a number: the last nine
    /// digits of `v18446744073709551615.0.0` are no version of a family `v18446744073`, and `v01.2.3` is no
    /// version at all.
    public static func split(_ name: String) -> (prefix: String?, version: ReleaseVersion)? {
        let bytes = name.utf8
        var index = bytes.startIndex
        var afterDigit = false
        while index < bytes.endIndex {
            let isDigit = UTF8Scan.isDigit(bytes[index])
            if isDigit, !afterDigit, let version = ReleaseVersion.strictSemVer(Substring(bytes[index...])) {
                let prefix = Substring(bytes[..<index])
                return (prefix.isEmpty || prefix == "v" || prefix == "V" ? nil : String(prefix),
                        ReleaseVersion(version: version))
            }
            afterDigit = isDigit
            bytes.formIndex(after: &index)
        }
        return nil
    }

    /// The families among `tags`, most tags first (then by prefix).
    public static func families(_ tags: [TagRef]) -> [TagFamily] {
        var byPrefix: [String?: [TagRef]] = [:]
        for tag in tags {
            guard let (prefix, _) = split(tag.name) else { continue }
            byPrefix[prefix, default: []].append(tag)
        }
        return byPrefix.map { TagFamily(prefix: $0.key, tags: $0.value) }
            .sorted { $0.tags.count != $1.tags.count ? $0.tags.count > $1.tags.count : $0.display < $1.display }
    }

    /// The "is not a version" error for VERSION `text` under `prefix`: when `text` is an existing tag, or
    /// has the prefix of an existing family, the hint names the prefix to use.
    static func invalidVersion(_ text: String, prefix: String?, tags: [TagRef]) -> NotesError {
        let under = prefix.map { " with tag prefix \"\($0)\"" } ?? ""
        let exists = tags.contains { $0.name == text }
        if let (family, version) = split(text), let family, family != prefix {
            let known = exists || tags.contains { split($0.name)?.prefix == family }
            if known {
                return NotesError(.badInput, "\"\(text)\" is not a version\(under)"
                                    + (exists ? "; it is the tag \(text) of the \(family) family" : ""),
                                  hint: "pass --tag-prefix \(family) (or no --tag-prefix and no --package: VERSION \(text) "
                                    + "picks it), or give the version alone: \(version.bare)")
            }
        }
        if exists {
            return NotesError(.badInput, "\"\(text)\" is not a version\(under): the tag \(text) exists, but its name does not end in a semantic version",
                              hint: "give a semantic version such as 1.2.3; release tags are a prefix and a version (v1.2.3, pkg-v1.2.3, pkg@1.2.3)")
        }
        var error = NotesError.invalidVersion(text)
        if let prefix {
            error.message += " with tag prefix \"\(prefix)\""
            error.hint = "give a version such as 1.2.3 or \(prefix)1.2.3"
        }
        let families = families(tags)
        if families.count > 1 || families.first?.prefix != nil {
            error.hint = (error.hint ?? "") + "; the tag families here are "
                + families.prefix(8).map { $0.display + "1.2.3" }.joined(separator: ", ")
        }
        return error
    }

    /// The tag prefix a `[[package]]` has.
    static func prefix(of package: Configuration.Package) -> String {
        package.tagPrefix ?? package.name + "-v"
    }
}

/// The one step between reading notes.toml and resolving the settings that picks the tag family when
/// neither `--tag-prefix` nor `--package` does:
///
/// - A VERSION whose text is not a version under the configured prefix but names an existing tag, or has
///   the prefix of an existing family (`plugin-legacy@8.2.3`, `conventional-changelog-angular-v9.4.0`),
///   sets that prefix, and selects the `[[package]]` with that prefix when there is one (its paths, files
///   and version files).
/// - With no VERSION (`draft`, `changelog`), when no prefix is configured and the tags fall in several
///   families, the family of the newest release tag reachable from HEAD is chosen, and a notice names it
///   and the others.
enum TagFamilyChoice {
    /// Fills `flags.tagPrefix` and `flags.package` from the VERSION argument or the nearest tags; returns
    /// the notices to print (`tag family …`).
    static func apply(_ flags: inout SettingsFlags, configuration: Configuration, repository: Repository,
                      project: ProjectModel = ProjectModel()) throws -> [String] {
        guard flags.tagPrefix == nil, flags.package == nil else { return [] }
        // `[tags] ignore` and `pattern` say which tags are release tags: families come from those only.
        let filter = try TagFilter(ignore: configuration.tags.ignore, pattern: configuration.tags.pattern)
        if let text = flags.version {
            let configured = configuration.tags.prefix
            if ReleaseVersion(text, prefix: configured) != nil || ReleaseVersion(text) != nil { return [] }
            guard let (prefix, _) = TagFamily.split(text), let prefix else { return [] }
            // Listed tags are checked (a tag on a tree is no release tag) only when their names match.
            let tags = try gitCall { filter.filter(try repository.tags()) }
            guard tags.contains(where: {
                ($0.name == text || TagFamily.split($0.name)?.prefix == prefix) && repository.pointsAtCommit($0)
            }) else { return [] }
            select(prefix, &flags, configuration, project)
            return []
        }
        guard flags.chooseNearestFamily, configuration.tags.prefix == nil, configuration.tags.pattern == nil else { return [] }
        // The release tags are the listed tags that point at commits, whose names are a subset of the refs'
        // names: one default family among the names (most repositories; no ref resolved, no object read)
        // is one or none among the release tags. Only several families, or a prefixed one, need the refs.
        let prefixes = Set(try gitCall { try repository.tagNames() }.filter(filter.admits).compactMap { TagFamily.split($0)?.prefix })
        guard prefixes.count > 1 || prefixes.first.map({ $0 != nil }) == true else { return [] }
        let tags = try gitCall { filter.filter(try repository.tags()) }.filter(repository.pointsAtCommit)
        let families = TagFamily.families(tags)
        guard families.count > 1 || families.first?.prefix != nil else { return [] }
        guard let head = try gitCall({ try repository.headCommit() }) else { return [] }
        var timed: [(tag: VersionTag, time: Int64)] = []
        for tag in tags {
            guard let (_, version) = TagFamily.split(tag.name) else { continue }
            let time = (try? repository.commit(tag.target).committer.time) ?? tag.date ?? 0
            timed.append((VersionTag(tag: tag, version: version), time))
        }
        // Several families tagged on one commit: the plain `v` family first, then the one with the most
        // tags, then by name, so the choice never depends on the order tags were listed in.
        let counts = Dictionary(families.map { ($0.prefix ?? "", $0.tags.count) }, uniquingKeysWith: +)
        func rank(_ tag: VersionTag) -> (Int, Int) {
            let prefix = TagFamily.split(tag.name)?.prefix
            return (prefix == nil ? 0 : 1, -(counts[prefix ?? ""] ?? 0))
        }
        timed.sort {
            if $0.time != $1.time { return $0.time > $1.time }
            let (left, right) = (rank($0.tag), rank($1.tag))
            return left != right ? left < right : $0.tag.name < $1.tag.name
        }
        let candidates = timed.map(\.tag)
        guard let nearest = try ReleaseHistory.readHistory(repository, rangeLabel: "HEAD", {
            try TagReachability.firstReachable(candidates, from: head, in: repository)
        }), let chosen = TagFamily.split(nearest.name) else { return [] }
        let prefix = chosen.prefix
        if let prefix { select(prefix, &flags, configuration, project) }
        let others = families.filter { $0.prefix != prefix }
        guard !others.isEmpty else { return [] }
        let shown = others.prefix(6).map { "\($0.display) (\($0.tags.count) tag\($0.tags.count == 1 ? "" : "s"))" }
        let more = others.count > 6 ? " and \(others.count - 6) more" : ""
        return ["tag family \(prefix ?? "v") (the nearest release tag is \(nearest.name)); other families: "
                    + shown.joined(separator: ", ") + more
                    + "; give a VERSION with its prefix or --tag-prefix to choose"]
    }

    /// Sets `prefix`, and the package with that prefix when there is one.
    private static func select(_ prefix: String, _ flags: inout SettingsFlags, _ configuration: Configuration,
                               _ project: ProjectModel) {
        if let package = configuration.package.first(where: { TagFamily.prefix(of: $0) == prefix }) {
            flags.package = package.name
        } else if let package = project.owner(ofFamily: prefix) {
            flags.package = package.name
        } else {
            flags.tagPrefix = prefix
        }
    }
}
