/// The contents of `notes.toml`: every key optional, every missing key takes its default, so
/// `Configuration()` is what an empty file means. Keys are snake_case in TOML. The reference
/// (`docs/configuration.md`) and `notes init`'s commented file come from `ConfigurationKeys`, and a test
/// checks that table against this struct's defaults.
public struct Configuration: Codable, Sendable, Equatable {
    /// `[tags]`: how release tags are named.
    public var tags = Tags()
    /// `[release]`: the release branch and the notes ref.
    public var release = Release()
    /// `[bump]`: how the next version is chosen below 1.0.0.
    public var bump = Bump()
    /// `[commits]`: which commits and scopes are shown.
    public var commits = Commits()
    /// `[issues]`: which references the "Linked issues" list shows.
    public var issues = Issues()
    /// `[contributors]`: bots and duplicate identities in the contributors list.
    public var contributors = Contributors()
    /// `[[skip]]`: rules that leave commits out of the notes, numbered from 1 in file order. Default: none.
    public var skip: [SkipRule] = []
    /// `[[rule]]`: commit rules (git-cliff's commit parsers and preprocessors), numbered from 1 in file
    /// order; the first whose conditions all hold sends the commit to a section, skips it, or rewrites its
    /// description. Default: none.
    public var rule: [CommitRule] = []
    /// `[[section]]`: the sections, in display order, and which types go to each. Default: the 13
    /// built-in sections. Giving any `[[section]]` replaces the whole list.
    public var section: [Section] = Section.defaults
    /// `[templates]`: the template each command renders with.
    public var templates = Templates()
    /// `[links]`: where commit, issue and compare links point.
    public var links = Links()
    /// `[files]`: the files the release commands edit.
    public var files = Files()
    /// `[readme]`: the README's release-notes section.
    public var readme = Readme()
    /// `[todo]`: the follow-up task list.
    public var todo = Todo()
    /// `[[package]]`: the packages of a monorepo. Default: none (the repository is one package).
    public var package: [Package] = []

    /// The defaults: what an empty `notes.toml` means.
    public init() {}

    /// `[tags]`.
    public struct Tags: Codable, Sendable, Equatable {
        /// Release tags are `prefix` followed by a version (`barter-v`). Default: none, meaning `v1.2.3` or `1.2.3`.
        public var prefix: String?
        /// Name of the tagger for tags `notes tag` creates. Default: none (git's `user.name`).
        public var taggerName: String?
        /// Email of the tagger. Default: none (git's `user.email`).
        public var taggerEmail: String?
        /// Where a stable release's notes start: `stable` (after the previous stable tag, so they include its
        /// pre-releases) or `any` (after the previous tag of any kind, its last pre-release). Default `"stable"`.
        public var stableStartsAfter = "stable"
        /// Globs (`v0.*`, `old-*`) of tag names that are never release tags, for every package. Default `[]`.
        public var ignore: [String] = []
        /// A regular expression a tag name must match to be a release tag. Default: none (every tag the
        /// prefix accepts).
        public var pattern: String?
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey {
            case prefix, taggerName = "tagger_name", taggerEmail = "tagger_email", ignore, pattern
            case stableStartsAfter = "stable_starts_after"
        }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            prefix = try c.decodeIfPresent(String.self, forKey: .prefix)
            taggerName = try c.decodeIfPresent(String.self, forKey: .taggerName)
            taggerEmail = try c.decodeIfPresent(String.self, forKey: .taggerEmail)
            stableStartsAfter = try c.decodeIfPresent(String.self, forKey: .stableStartsAfter) ?? "stable"
            ignore = try c.decodeIfPresent([String].self, forKey: .ignore) ?? []
            pattern = try c.decodeIfPresent(String.self, forKey: .pattern)
        }
    }

    /// `[release]`.
    public struct Release: Codable, Sendable, Equatable {
        /// The branch releases are made from. Default `"main"`.
        public var branch = "main"
        /// The git notes ref release metadata is stored under. Default `"refs/notes/release"`.
        public var notesRef = "refs/notes/release"
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case branch, notesRef = "notes_ref" }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Self()
            branch = try c.decodeIfPresent(String.self, forKey: .branch) ?? d.branch
            notesRef = try c.decodeIfPresent(String.self, forKey: .notesRef) ?? d.notesRef
        }
    }

    /// `[bump]`.
    public struct Bump: Codable, Sendable, Equatable {
        /// Below 1.0.0 a breaking change bumps the minor version, not the major. Default `true`.
        public var breakingBelowOneBumpsMinor = true
        /// Below 1.0.0 a feature bumps the patch version, not the minor. Default `true`.
        public var featureBelowOneBumpsPatch = true
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey {
            case breakingBelowOneBumpsMinor = "breaking_below_one_bumps_minor"
            case featureBelowOneBumpsPatch = "feature_below_one_bumps_patch"
        }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            breakingBelowOneBumpsMinor = try c.decodeIfPresent(Bool.self, forKey: .breakingBelowOneBumpsMinor) ?? true
            featureBelowOneBumpsPatch = try c.decodeIfPresent(Bool.self, forKey: .featureBelowOneBumpsPatch) ?? true
        }
    }

    /// `[commits]`.
    public struct Commits: Codable, Sendable, Equatable {
        /// Conventional types left out of the notes (`["chore", "ci"]`), case-insensitive. Default `[]`.
        public var hiddenTypes: [String] = []
        /// When not empty, only commits with one of these scopes, or with no scope, are shown. Default `[]` (all).
        public var scopes: [String] = []
        /// Which commits count as release commits (skipped): `detect` (`chore(release)`, and any commit that
        /// is not a feature, fix or breaking change whose subject names the version being released, or that a
        /// release tag points at and whose subject names a version or starts with release/bump) or
        /// `chore-release` (only `chore(release): …`). Default `"detect"`.
        public var releaseCommits = "detect"
        /// `fold` lists dependency-bot updates (`chore(deps…)`, `build(deps…)`, bots' "Bump …"/"Update …")
        /// as one line per release ("12 dependency updates"); `list` lists each. Default `"fold"`.
        public var dependencyUpdates = "fold"
        /// Show the pull-request number of a `Merge pull request #N` commit on the commits it brought in. Default `true`.
        public var mergePullRequests = true
        /// When the previous release tag is not an ancestor (a release branch), `skip` leaves out the commits
        /// of the range whose subject is also a commit of the previous tag's side (cherry-picked backports,
        /// released already), as `git log --cherry-pick` does; `list` keeps them. Default `"skip"`.
        public var cherryPicks = "skip"
        /// Read each Conventional Commit header line of a body (release-please's multi-change convention,
        /// a squash listing merged pull requests) as a change of its own, with its own type, scope and
        /// breaking flag (`BodyChanges` says which lines count). Default `true`.
        public var splitBody = true
        /// Section ids the release notes (`draft`, the tag message, `attach`) fold into one line
        /// ("Maintenance: 9 changes (documentation 5, tests 2, chores 2)"); the changelog, whose template shows
        /// every section, lists them in full. Default: documentation, refactoring, tests, build, ci, chores, styles.
        public var maintenance = Commits.defaultMaintenance
        /// The default `maintenance`: what the projects measured in docs/fidelity.md do not publish in full.
        public static let defaultMaintenance = ["documentation", "refactoring", "tests", "build", "ci", "chores", "styles"]
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey {
            case hiddenTypes = "hidden_types", scopes, releaseCommits = "release_commits"
            case dependencyUpdates = "dependency_updates", mergePullRequests = "merge_pull_requests"
            case cherryPicks = "cherry_picks", splitBody = "split_body", maintenance
        }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            hiddenTypes = try c.decodeIfPresent([String].self, forKey: .hiddenTypes) ?? []
            scopes = try c.decodeIfPresent([String].self, forKey: .scopes) ?? []
            releaseCommits = try c.decodeIfPresent(String.self, forKey: .releaseCommits) ?? "detect"
            dependencyUpdates = try c.decodeIfPresent(String.self, forKey: .dependencyUpdates) ?? "fold"
            mergePullRequests = try c.decodeIfPresent(Bool.self, forKey: .mergePullRequests) ?? true
            cherryPicks = try c.decodeIfPresent(String.self, forKey: .cherryPicks) ?? "skip"
            splitBody = try c.decodeIfPresent(Bool.self, forKey: .splitBody) ?? true
            maintenance = try c.decodeIfPresent([String].self, forKey: .maintenance) ?? Commits.defaultMaintenance
        }
    }

    /// `[issues]`: the "Linked issues" list.
    public struct Issues: Codable, Sendable, Equatable {
        /// `issues` lists the references that close an issue or come from a `Refs:`-style footer, not
        /// pull-request numbers (`(#123)` suffixes, merge commits) or mentions; `all` lists every reference;
        /// `none` leaves the list out. Default `"issues"`.
        public var list = "issues"
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case list }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            list = try c.decodeIfPresent(String.self, forKey: .list) ?? "issues"
        }
    }

    /// `[contributors]`: the contributors list.
    public struct Contributors: Codable, Sendable, Equatable {
        /// Bots (names or emails with `[bot]`): `last` lists them after people, `hide` leaves them out,
        /// `mixed` sorts them with people. Default `"last"`.
        public var bots = "last"
        /// Besides a shared address, GitHub handle or `.mailmap` line, authors are the same person when they
        /// have the same `name` (case-insensitive); `email` leaves names out. Default `"name"`.
        public var mergeBy = "name"
        /// GitHub handles by address or name (`"ada@example.com" = "ada-l"`), for people whose commits carry
        /// no no-reply address. Default: none.
        public var handles: [String: String] = [:]
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case bots, mergeBy = "merge_by", handles }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            bots = try c.decodeIfPresent(String.self, forKey: .bots) ?? "last"
            mergeBy = try c.decodeIfPresent(String.self, forKey: .mergeBy) ?? "name"
            handles = try c.decodeIfPresent([String: String].self, forKey: .handles) ?? [:]
        }
    }

    /// One `[[skip]]` rule: a commit is left out when every condition the rule gives holds.
    public struct SkipRule: Codable, Sendable, Equatable {
        /// A regular expression the subject must match (``LinearRegex`` syntax). Default: none.
        public var subject: String?
        /// A regular expression the body (everything after the subject) must match. Default: none.
        public var body: String?
        /// The author's exact name or email (`dependabot[bot]`), case-insensitive. Default: none.
        public var author: String?
        /// Makes a rule.
        public init(subject: String? = nil, body: String? = nil, author: String? = nil) {
            self.subject = subject
            self.body = body
            self.author = author
        }
    }

    /// One `[[rule]]`: conditions (regular expressions, all must match) and what to do.
    public struct CommitRule: Codable, Sendable, Equatable {
        /// Regular expression the subject must match; its capture groups feed `description`. Default: none.
        public var subject: String?
        /// Regular expression the body (the message after the subject) must match. Default: none.
        public var body: String?
        /// Regular expression the author's `Name <email>` must match. Default: none.
        public var author: String?
        /// Regular expression one of the paths the commit changes must match. Default: none.
        public var path: String?
        /// The id of the `[[section]]` the commit goes to. Default: none (its type decides).
        public var section: String?
        /// Leave the commit out. Default `false`.
        public var skip: Bool?
        /// The new description, `$1`… standing for the subject's capture groups. Default: none.
        public var description: String?
        /// Makes a rule.
        public init(subject: String? = nil, body: String? = nil, author: String? = nil, path: String? = nil,
                    section: String? = nil, skip: Bool? = nil, description: String? = nil) {
            self.subject = subject
            self.body = body
            self.author = author
            self.path = path
            self.section = section
            self.skip = skip
            self.description = description
        }
    }

    /// One `[[section]]`.
    public struct Section: Codable, Sendable, Equatable {
        /// Stable id templates and `--context` see (`features`). `breaking` receives every breaking change,
        /// `other` every non-conventional commit and every type no section lists, `reverts` git's
        /// `Revert "…"` commits. Required.
        public var id: String
        /// The heading. Default: the built-in title for built-in ids, else the id.
        public var title: String
        /// The Conventional Commits types that go here, case-insensitive. Default `[]`.
        public var types: [String]

        /// Makes a section.
        public init(id: String, title: String, types: [String]) {
            self.id = id
            self.title = title
            self.types = types
        }
        enum CodingKeys: String, CodingKey { case id, title, types }
        /// Decodes; `title` defaults to the built-in title.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            id = try c.decode(String.self, forKey: .id)
            title = try c.decodeIfPresent(String.self, forKey: .title) ?? SectionKind(rawValue: id).title
            types = try c.decodeIfPresent([String].self, forKey: .types) ?? []
        }

        /// The built-in sections, in their order: what notes shows without a configuration.
        public static let defaults: [Section] = [
            Section(id: "breaking", title: "Breaking changes", types: []),
            Section(id: "features", title: "Features", types: ["feat"]),
            Section(id: "fixes", title: "Bug fixes", types: ["fix"]),
            Section(id: "performance", title: "Performance", types: ["perf"]),
            Section(id: "reverts", title: "Reverts", types: ["revert"]),
            Section(id: "documentation", title: "Documentation", types: ["docs"]),
            Section(id: "refactoring", title: "Refactoring", types: ["refactor"]),
            Section(id: "tests", title: "Tests", types: ["test", "tests"]),
            Section(id: "build", title: "Build", types: ["build"]),
            Section(id: "ci", title: "CI", types: ["ci"]),
            Section(id: "chores", title: "Chores", types: ["chore"]),
            Section(id: "styles", title: "Styles", types: ["style"]),
            Section(id: "other", title: "Other changes", types: []),
        ]
    }

    /// `[templates]`: template files (relative to the repository root), checked to exist at load.
    public struct Templates: Codable, Sendable, Equatable {
        /// The folder searched for `NAME` before the built-ins. Default `".notes/templates"`.
        public var folder = ".notes/templates"
        /// Template for `notes draft`. Default: none (`<folder>/release-notes.md`, else the built-in).
        public var draft: String?
        /// Template for `notes changelog`. Default: none (`<folder>/changelog-entry.md`, else the built-in).
        public var changelog: String?
        /// Template for `notes readme`. Default: none (`<folder>/readme-entry.md`, else the built-in).
        public var readme: String?
        /// Template for `notes todo`. Default: none (`<folder>/todo.md`, else the built-in).
        public var todo: String?
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case folder, draft, changelog, readme, todo }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            folder = try c.decodeIfPresent(String.self, forKey: .folder) ?? ".notes/templates"
            draft = try c.decodeIfPresent(String.self, forKey: .draft)
            changelog = try c.decodeIfPresent(String.self, forKey: .changelog)
            readme = try c.decodeIfPresent(String.self, forKey: .readme)
            todo = try c.decodeIfPresent(String.self, forKey: .todo)
        }
    }

    /// `[links]`.
    public struct Links: Codable, Sendable, Equatable {
        /// `auto` (from the remote's URL), `github`, `gitlab`, or `none` (plain text). Default `"auto"`.
        public var forge = "auto"
        /// The remote whose URL gives the forge and `owner/repo`. Default `"origin"`.
        public var remote = "origin"
        /// `owner/repo` (GitLab: `group/sub/repo`), overriding the remote's. Default: none.
        public var repository: String?
        /// The forge's web address (`https://gitlab.example.com`). Default: none (github.com, gitlab.com, or the remote's host).
        public var host: String?
        /// `@user` in commit text: `code` shows it as code (`` `@user` ``), so the notes ping nobody when they
        /// become a GitHub release; `keep` leaves the mention. Default `"code"`.
        public var mentions = "code"
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case forge, remote, repository, host, mentions }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            forge = try c.decodeIfPresent(String.self, forKey: .forge) ?? "auto"
            remote = try c.decodeIfPresent(String.self, forKey: .remote) ?? "origin"
            repository = try c.decodeIfPresent(String.self, forKey: .repository)
            host = try c.decodeIfPresent(String.self, forKey: .host)
            mentions = try c.decodeIfPresent(String.self, forKey: .mentions) ?? "code"
        }
    }

    /// `[files]`: paths relative to the repository root.
    public struct Files: Codable, Sendable, Equatable {
        /// The changelog `notes changelog` edits. Default `"CHANGELOG.md"`.
        public var changelog = "CHANGELOG.md"
        /// The README whose release-notes section `notes readme` edits. Default `"README.md"`.
        public var readme = "README.md"
        /// The task list `notes todo` edits. Default `".agent/todo.md"`.
        public var todo = ".agent/todo.md"
        /// Files whose version `notes bump` updates (`Cargo.toml`, `pyproject.toml`). Default `[]`.
        public var versionFiles: [String] = []
        /// The corrections `notes edit` records and every command applies. Default `".notes/edits.toml"`.
        public var edits = ".notes/edits.toml"
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case changelog, readme, todo, versionFiles = "version_files", edits }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Self()
            changelog = try c.decodeIfPresent(String.self, forKey: .changelog) ?? d.changelog
            readme = try c.decodeIfPresent(String.self, forKey: .readme) ?? d.readme
            todo = try c.decodeIfPresent(String.self, forKey: .todo) ?? d.todo
            versionFiles = try c.decodeIfPresent([String].self, forKey: .versionFiles) ?? []
            edits = try c.decodeIfPresent(String.self, forKey: .edits) ?? d.edits
        }
    }

    /// `[readme]`.
    public struct Readme: Codable, Sendable, Equatable {
        /// The heading text of the README's release-notes section, any level, case-insensitive. Default `"Release Notes"`.
        public var heading = "Release Notes"
        /// Keep at most this many release entries in that section, dropping the oldest; 0 keeps all. Default `0`.
        public var keep = 0
        /// The section ids whose entries a README entry lists, in order. Default `["breaking", "features", "fixes"]`.
        public var sections = ["breaking", "features", "fixes"]
        /// At most this many bullets, then "and N more"; 0 lists all. Default: none, as many as the newest
        /// entries have at most (all in a section without entries).
        public var maxBullets: Int?
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case heading, keep, sections, maxBullets = "max_bullets" }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            heading = try c.decodeIfPresent(String.self, forKey: .heading) ?? "Release Notes"
            keep = try c.decodeIfPresent(Int.self, forKey: .keep) ?? 0
            sections = try c.decodeIfPresent([String].self, forKey: .sections) ?? ["breaking", "features", "fixes"]
            maxBullets = try c.decodeIfPresent(Int.self, forKey: .maxBullets)
        }
    }

    /// `[todo]`.
    public struct Todo: Codable, Sendable, Equatable {
        /// Where a release's tasks go: `end` of the file, or `before`/`after` the section headed `heading`. Default `"end"`.
        public var placement = "end"
        /// The heading `before`/`after` placement refers to. Default: none.
        public var heading: String?
        /// Channels to announce the release on, one task each (`["Discord", "blog"]`); empty gives one
        /// "announce the release" task. Default `[]`.
        public var announce: [String] = []
        /// The release checklist's own follow-ups, one task each; `{tag}`, `{version}` and `{branch}` are
        /// replaced. Default: monitor the builds, verify the package page, merge hotfix pull requests.
        public var tasks: [String] = Todo.defaultTasks
        /// The default `tasks`.
        public static let defaultTasks = [
            "Monitor the release builds for {tag}", "Verify the package page lists {version}",
            "Merge hotfix pull requests back into {branch}",
        ]
        /// The defaults.
        public init() {}
        enum CodingKeys: String, CodingKey { case placement, heading, announce, tasks }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            placement = try c.decodeIfPresent(String.self, forKey: .placement) ?? "end"
            heading = try c.decodeIfPresent(String.self, forKey: .heading)
            announce = try c.decodeIfPresent([String].self, forKey: .announce) ?? []
            tasks = try c.decodeIfPresent([String].self, forKey: .tasks) ?? Todo.defaultTasks
        }
    }

    /// One `[[package]]` of a monorepo.
    public struct Package: Codable, Sendable, Equatable {
        /// The name `--package` selects it by. Required.
        public var name: String
        /// Directories (`barter-python`) or globs (`crates/*/src`) whose commits belong to it. Required, not empty.
        public var paths: [String]
        /// Directories or globs inside `paths` whose commits do not count. Default `[]`.
        public var excludes: [String]
        /// Its release tags' prefix. Default: what the repository declares (``ProjectModel``), else the name
        /// followed by `-v` (`barter-python-v`).
        public var tagPrefix: String?
        /// Its changelog. Default: `[files] changelog` inside its first path when that is a directory.
        public var changelog: String?
        /// Its README. Default: `[files] readme` inside its first path when that is a directory.
        public var readme: String?
        /// Its task list. Default: `[files] todo`.
        public var todo: String?
        /// Its version files. Default: `[files] version_files`, each inside its first path when that is a directory.
        public var versionFiles: [String]?
        /// Globs of tag names that are never its release tags, besides `[tags] ignore`. Default `[]`.
        public var tagIgnore: [String]
        /// A regular expression its release tags' names must match, instead of `[tags] pattern`. Default: none.
        public var tagPattern: String?
        /// The revision its first release starts after, when it has no release tag yet. Default: none (the
        /// commit where its version file took its current version).
        public var bootstrap: String?

        /// Makes a package.
        public init(name: String, paths: [String], excludes: [String] = [], tagPrefix: String? = nil,
                    changelog: String? = nil, readme: String? = nil, todo: String? = nil, versionFiles: [String]? = nil,
                    tagIgnore: [String] = [], tagPattern: String? = nil, bootstrap: String? = nil) {
            self.name = name
            self.paths = paths
            self.excludes = excludes
            self.tagPrefix = tagPrefix
            self.changelog = changelog
            self.readme = readme
            self.todo = todo
            self.versionFiles = versionFiles
            self.tagIgnore = tagIgnore
            self.tagPattern = tagPattern
            self.bootstrap = bootstrap
        }
        enum CodingKeys: String, CodingKey {
            case name, paths, excludes, tagPrefix = "tag_prefix", changelog, readme, todo, versionFiles = "version_files"
            case tagIgnore = "tag_ignore", tagPattern = "tag_pattern", bootstrap
        }
        /// Decodes, missing keys taking their defaults.
        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            name = try c.decode(String.self, forKey: .name)
            paths = try c.decodeIfPresent([String].self, forKey: .paths) ?? []
            excludes = try c.decodeIfPresent([String].self, forKey: .excludes) ?? []
            tagPrefix = try c.decodeIfPresent(String.self, forKey: .tagPrefix)
            changelog = try c.decodeIfPresent(String.self, forKey: .changelog)
            readme = try c.decodeIfPresent(String.self, forKey: .readme)
            todo = try c.decodeIfPresent(String.self, forKey: .todo)
            versionFiles = try c.decodeIfPresent([String].self, forKey: .versionFiles)
            tagIgnore = try c.decodeIfPresent([String].self, forKey: .tagIgnore) ?? []
            tagPattern = try c.decodeIfPresent(String.self, forKey: .tagPattern)
            bootstrap = try c.decodeIfPresent(String.self, forKey: .bootstrap)
        }
    }

    enum CodingKeys: String, CodingKey {
        case tags, release, bump, commits, issues, contributors, skip, rule, section, templates, links, files, readme, todo, package
    }

    /// Decodes, missing keys and tables taking their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        tags = try c.decodeIfPresent(Tags.self, forKey: .tags) ?? Tags()
        release = try c.decodeIfPresent(Release.self, forKey: .release) ?? Release()
        bump = try c.decodeIfPresent(Bump.self, forKey: .bump) ?? Bump()
        commits = try c.decodeIfPresent(Commits.self, forKey: .commits) ?? Commits()
        issues = try c.decodeIfPresent(Issues.self, forKey: .issues) ?? Issues()
        contributors = try c.decodeIfPresent(Contributors.self, forKey: .contributors) ?? Contributors()
        skip = try c.decodeIfPresent([SkipRule].self, forKey: .skip) ?? []
        rule = try c.decodeIfPresent([CommitRule].self, forKey: .rule) ?? []
        section = try c.decodeIfPresent([Section].self, forKey: .section) ?? Section.defaults
        templates = try c.decodeIfPresent(Templates.self, forKey: .templates) ?? Templates()
        links = try c.decodeIfPresent(Links.self, forKey: .links) ?? Links()
        files = try c.decodeIfPresent(Files.self, forKey: .files) ?? Files()
        readme = try c.decodeIfPresent(Readme.self, forKey: .readme) ?? Readme()
        todo = try c.decodeIfPresent(Todo.self, forKey: .todo) ?? Todo()
        package = try c.decodeIfPresent([Package].self, forKey: .package) ?? []
    }
}
