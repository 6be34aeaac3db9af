/// One key of `notes.toml`: its path, type, default and meaning. The table `ConfigurationKeys.all` is the one
/// source for the loader's unknown-key and type checks, `notes init`'s commented file and
/// `docs/configuration.md`; a test checks it against `Configuration()`'s encoded defaults.
public struct ConfigurationKey: Sendable, Equatable {
    /// The kinds of value a key holds.
    public enum ValueType: String, Sendable {
        /// A table (`[links]`).
        case table
        /// An array of tables (`[[package]]`).
        case tableArray = "array of tables"
        /// A string.
        case string
        /// An integer.
        case integer
        /// `true` or `false`.
        case boolean
        /// An array of strings.
        case strings = "array of strings"
        /// A table whose values are strings, any keys (`[contributors] handles`).
        case stringTable = "table of strings"
    }

    /// Dotted path; elements of an array of tables are written `name[]` (`package[].paths`).
    public var path: String
    /// The value's type.
    public var type: ValueType
    /// The default as TOML (`"main"`, `true`, `[]`), or nil when the key has no value by default.
    public var defaultValue: String?
    /// What the default means when there is no literal value (`v or nothing`); shown in docs.
    public var defaultMeaning: String?
    /// The allowed values, when the key is an enumeration.
    public var choices: [String]
    /// True when an element of an array of tables must give it.
    public var required: Bool
    /// What the key does.
    public var summary: String

    init(_ path: String, _ type: ValueType, _ defaultValue: String?, _ summary: String,
         meaning: String? = nil, choices: [String] = [], required: Bool = false) {
        self.path = path
        self.type = type
        self.defaultValue = defaultValue
        self.defaultMeaning = meaning
        self.choices = choices
        self.required = required
        self.summary = summary
    }

    /// The path's last component.
    public var name: String { String(path.split(separator: ".").last ?? "") }
    /// The path of the table holding the key ("" for the top level).
    public var parent: String {
        guard let dot = path.lastIndex(of: ".") else { return "" }
        return String(path[..<dot])
    }
}

/// Every key of `notes.toml`.
public enum ConfigurationKeys {
    /// The keys, in the order the reference lists them.
    public static let all: [ConfigurationKey] = [
        .init("tags", .table, nil, "How release tags are named."),
        .init("tags.prefix", .string, nil, "Release tags are PREFIX followed by a version (`barter-v` matches `barter-v1.2.0`, not `barter-data-v1.2.0`). `--tag-prefix` overrides it.",
              meaning: "`v` or nothing: `v1.2.3` and `1.2.3`"),
        .init("tags.tagger_name", .string, nil, "Tagger name for tags notes creates.", meaning: "git's `user.name`"),
        .init("tags.tagger_email", .string, nil, "Tagger email for tags notes creates.", meaning: "git's `user.email`"),
        .init("tags.ignore", .strings, "[]", "Globs of tag names that are never release tags (`[\"v0.*\"]` for an old crate's tags), for every package; like git-cliff's `skip_tags`."),
        .init("tags.pattern", .string, nil, "A regular expression (syntax: docs/configuration.md) a tag name must match to be a release tag; like git-cliff's `tag_pattern`.",
              meaning: "every tag the prefix accepts"),
        .init("tags.stable_starts_after", .string, "\"stable\"", "Where a stable release's notes start: `stable` after the previous stable tag (v1.2.0 includes what v1.2.0-rc.1 and rc.2 had), `any` after the previous tag of any kind, its last pre-release (conventional-changelog, release-please). A pre-release always starts after the previous tag of any kind. See docs/ranges.md.",
              choices: ["stable", "any"]),

        .init("release", .table, nil, "Where releases are made."),
        .init("release.branch", .string, "\"main\"", "The branch releases are made from."),
        .init("release.notes_ref", .string, "\"refs/notes/release\"", "The git notes ref release metadata is kept under."),

        .init("bump", .table, nil, "How `notes bump` chooses the next version below 1.0.0."),
        .init("bump.breaking_below_one_bumps_minor", .boolean, "true", "Below 1.0.0 a breaking change bumps the minor version, not the major."),
        .init("bump.feature_below_one_bumps_patch", .boolean, "true", "Below 1.0.0 a feature bumps the patch version, not the minor."),

        .init("commits", .table, nil, "Which commits and scopes are shown."),
        .init("commits.hidden_types", .strings, "[]", "Conventional types left out of the notes (`[\"chore\", \"ci\"]`), case-insensitive. `--context` shows them as `skipped: \"hidden\"`."),
        .init("commits.scopes", .strings, "[]", "When not empty, only commits with one of these scopes, or without a scope, are shown; the others are `skipped: \"scope\"`. Empty shows all."),
        .init("commits.release_commits", .string, "\"detect\"", "Release commits are skipped (`skipped: \"release\"`). `detect`: `chore(release): …`, and any commit that is not a feature, fix or breaking change and that is a release tool's release commit for any package or tag family (`chore: release (#1234)`, `chore(main): release 17.11.1`, `chore: release main`, `release: plugin-legacy@8.2.3`, `Version Packages`), whose subject names the version being released (`release: v8.2.2`, `bump: version 4.12.1 → 4.13.0`), or that a release tag points at and whose subject names a version or starts with release/bump. `--explain` says which. `chore-release`: only `chore(release): …`.",
              choices: ["detect", "chore-release"]),
        .init("commits.dependency_updates", .string, "\"fold\"", "Dependency updates (`chore(deps…)`, `build(deps…)`, and bots' `Bump …`/`Update …` commits), not features, fixes or breaking changes: `fold` lists them as one line per release (\"12 dependency updates\"), `list` one line each.",
              choices: ["fold", "list"]),
        .init("commits.cherry_picks", .string, "\"skip\"", "When the previous release tag is not an ancestor (tagged on a release branch), `skip` leaves out the range's commits whose subject is also a commit on the previous tag's side: fixes cherry-picked onto the release branch and released there already (`skipped: \"cherry-picked\"`), as `git log --cherry-pick` does. `list` keeps them.",
              choices: ["skip", "list"]),
        .init("commits.split_body", .boolean, "true", "A commit whose body lists further changes as Conventional Commit headers is read as several changes, each with its own type, scope and breaking flag, the commit's id and pull request: release-please's multi-change convention (a `fix: …` or `feat!: …` line opening a paragraph), and a squash whose body lists merged pull requests as bullets with their own `(#N)`. A pull request's own working commits (`* fix: review comments` in a GitHub squash body) stay body text. `--explain` shows each change under its commit."),
        .init("commits.maintenance", .strings, "[\"documentation\", \"refactoring\", \"tests\", \"build\", \"ci\", \"chores\", \"styles\"]", "Section ids the release notes (`draft`, the tag message, `attach`) fold into one line, `**Maintenance:** 9 changes (documentation 5, tests 2, chores 2)`, so a draft is about as long as what projects publish (docs/fidelity.md); the changelog lists them in full, as its template shows every section. `[]` shows every section in full. Templates see `changes` (the other sections) and `maintenance`."),
        .init("commits.merge_pull_requests", .boolean, "true", "A `Merge pull request #N` commit's number is shown on the commits it brought in (as a squash suffix `(#N)` is)."),

        .init("issues", .table, nil, "The \"Linked issues\" list."),
        .init("issues.list", .string, "\"issues\"", "`issues`: references that close an issue (closing keywords, `Closes:`) or come from a `Refs:`-style footer (`Refs`, `Ref`, `References`, `Related`, `See`, `Issue`, `Issues`, `Part-of`); not pull-request numbers (`(#123)` suffixes, merge commits) or mentions, which stay on their entries. `all`: every reference. `none`: no list.",
              choices: ["issues", "all", "none"]),

        .init("contributors", .table, nil, "The contributors list."),
        .init("contributors.bots", .string, "\"last\"", "Authors whose name or email has `[bot]`: `last` after people, `hide` left out, `mixed` sorted with people.",
              choices: ["last", "hide", "mixed"]),
        .init("contributors.merge_by", .string, "\"name\"", "Identities are one person when they share an address, a GitHub handle (no-reply address or `handles`) or a `.mailmap` line, connected (A and B share an address, B and C a handle: one person), shown by the most used name; `name` also joins the same name (case-insensitive), `email` does not.",
              choices: ["name", "email"]),
        .init("contributors.handles", .stringTable, "{}", "GitHub handles by address or name (`\"ada@example.com\" = \"ada-l\"`), for people whose commits carry no no-reply address (`12345+handle@users.noreply.github.com` gives `handle`). With GitHub links, people are shown as `@handle` (as code while `links.mentions = \"code\"`). Never looked up on the network."),

        .init("skip", .tableArray, "[]", "Rules that leave commits out, numbered from 1 in file order. A commit is skipped when every condition of a rule holds; `--context` shows `skipped: \"rule\"` and `skipRule: N`, `--explain` says \"rule N\"."),
        .init("skip[].subject", .string, nil, "Regular expression (syntax: docs/configuration.md) the subject must match.", meaning: "no condition"),
        .init("skip[].body", .string, nil, "Regular expression the body (the message after the subject) must match.", meaning: "no condition"),
        .init("skip[].author", .string, nil, "The author's exact name or email (`dependabot[bot]`), case-insensitive.", meaning: "no condition"),

        .init("rule", .tableArray, "[]", "Commit rules, numbered from 1 in file order (git-cliff's commit parsers and preprocessors, for histories that are not all Conventional Commits). The first rule whose conditions all hold applies: `skip`, or `section` and/or `description`. `--explain` says \"[[rule]] N\", `--context` gives `rule: N`."),
        .init("rule[].subject", .string, nil, "Regular expression the subject must match; its capture groups are `$1`, `$2`… in `description`.", meaning: "no condition"),
        .init("rule[].body", .string, nil, "Regular expression the body (the message after the subject) must match.", meaning: "no condition"),
        .init("rule[].author", .string, nil, "Regular expression `Name <email>` of the author must match.", meaning: "no condition"),
        .init("rule[].path", .string, nil, "Regular expression one of the paths the commit changes (against its first parent) must match (`^docs/`).", meaning: "no condition"),
        .init("rule[].section", .string, nil, "The id of the section the commit goes to.", meaning: "its type's section"),
        .init("rule[].skip", .boolean, nil, "Leave the commit out (`skipped: \"commit-rule\"`).", meaning: "false"),
        .init("rule[].description", .string, nil, "The commit's new description; `$1`… are the subject's capture groups (`\"Update $1\"`).", meaning: "the commit's own"),

        .init("section", .tableArray, nil, "The sections in display order and the types each receives. Giving any `[[section]]` replaces the whole built-in list (see below). A section with id `breaking` receives every breaking change; `other` receives non-conventional commits and types no section lists (when missing, an \"Other changes\" section is added at the end); `reverts` receives git's `Revert \"…\"` commits.",
              meaning: "the 13 built-in sections below"),
        .init("section[].id", .string, nil, "Stable id, seen by templates and `--context`.", required: true),
        .init("section[].title", .string, nil, "The heading.", meaning: "the built-in title for a built-in id, else the id"),
        .init("section[].types", .strings, "[]", "Conventional types that go here, case-insensitive."),

        .init("templates", .table, nil, "Templates (paths relative to the repository root; checked when the configuration loads). Lookup: `--template FILE`, this key, `<folder>/NAME`, the built-in NAME."),
        .init("templates.folder", .string, "\".notes/templates\"", "The repository's template folder; `notes init --templates` fills it."),
        .init("templates.draft", .string, nil, "The release notes: `notes draft`, the tag message of `notes tag` and `notes release`, and `notes attach`.", meaning: "NAME = `release-notes.md`"),
        .init("templates.changelog", .string, nil, "A changelog entry: `notes changelog` and the changelog step of `notes release`.", meaning: "NAME = `changelog-entry.md`"),
        .init("templates.readme", .string, nil, "A README entry: `notes readme` and the README step of `notes release`.", meaning: "NAME = `readme-entry.md`"),
        .init("templates.todo", .string, nil, "A task-list section: `notes todo`.", meaning: "NAME = `todo.md`"),

        .init("links", .table, nil, "Where commit, issue and compare links point."),
        .init("links.forge", .string, "\"auto\"", "`auto` reads the remote's URL; `github` or `gitlab` force the link style; `none` prints plain ids.",
              choices: ["auto", "github", "gitlab", "none"]),
        .init("links.remote", .string, "\"origin\"", "The remote whose URL gives the forge and `owner/repo`."),
        .init("links.repository", .string, nil, "`owner/repo` (GitLab: `group/sub/repo`) for links, instead of the remote's.", meaning: "the remote's"),
        .init("links.host", .string, nil, "The forge's web address (`https://gitlab.example.com`).", meaning: "the remote's host, else github.com / gitlab.com"),
        .init("links.mentions", .string, "\"code\"", "`@user` in commit text: `code` shows it as code, so publishing the notes as a GitHub release pings nobody; `keep` leaves it a mention.",
              choices: ["code", "keep"]),

        .init("files", .table, nil, "Files the release commands edit, relative to the repository root."),
        .init("files.changelog", .string, "\"CHANGELOG.md\"", "The changelog `notes changelog` edits."),
        .init("files.readme", .string, "\"README.md\"", "The README whose release-notes section `notes readme` edits."),
        .init("files.todo", .string, "\".agent/todo.md\"", "The task list `notes todo` edits."),
        .init("files.version_files", .strings, "[]", "Files whose version `notes bump` updates (`Cargo.toml`, `pyproject.toml`)."),
        .init("files.edits", .string, "\".notes/edits.toml\"", "The corrections `notes edit` records (one `[edit.<commit id>]` table per commit: description, section, breaking, leave_out) and every command applies; committed with the code. See docs/edits.md."),

        .init("readme", .table, nil, "The README's release-notes section."),
        .init("readme.heading", .string, "\"Release Notes\"", "Heading text of the section (any level, case-insensitive)."),
        .init("readme.keep", .integer, "0", "Keep at most this many release entries, dropping the oldest; 0 keeps all."),
        .init("readme.sections", .strings, "[\"breaking\", \"features\", \"fixes\"]", "The section ids (`[[section]]` ids) whose entries a README entry lists, in this order. Blank line, capitals, scopes and tense follow the README's newest entry: when its bullets start with a verb in the past tense (`Added …`, `Fixed …`), new bullets do too (the first verb from a fixed list put in the past tense; a fix without a verb as `Fixed …`, a feature as `Added …`)."),
        .init("readme.max_bullets", .integer, nil, "At most this many bullets, then \"and N more (see the changelog)\"; 0 lists all.",
              meaning: "as many bullets as the newest three entries have at most (at least two), the last saying \"and N more\"; all when the section has fewer than two entries"),

        .init("todo", .table, nil, "The follow-up task list."),
        .init("todo.placement", .string, "\"end\"", "Where a release's tasks go: `end` of the file, or `before`/`after` the section headed `todo.heading`.",
              choices: ["end", "before", "after"]),
        .init("todo.heading", .string, nil, "The heading `before`/`after` refers to; required with them.", meaning: "none"),
        .init("todo.announce", .strings, "[]", "Channels to announce the release on, one task each; empty gives one \"announce the release\" task."),
        .init("todo.tasks", .strings, "[\"Monitor the release builds for {tag}\", \"Verify the package page lists {version}\", \"Merge hotfix pull requests back into {branch}\"]",
              "The release checklist's own follow-ups, one task each; `{tag}`, `{version}` and `{branch}` are replaced. `[]` for none."),

        .init("package", .tableArray, "[]", "The packages of a monorepo; `--package NAME` selects one."),
        .init("package[].name", .string, nil, "The name `--package` selects it by; unique.", required: true),
        .init("package[].paths", .strings, nil, "Directories (`barter-python`) or globs (`crates/*/src`) whose commits belong to it; not empty.", required: true),
        .init("package[].excludes", .strings, "[]", "Directories or globs inside `paths` whose changes do not count."),
        .init("package[].tag_prefix", .string, nil, "Its tags' prefix; unique.", meaning: "what the repository declares (the CI workflow that builds the package's folder, release-plz, release-please or cocogitto, the package's own tag family), else the name followed by `-v` (`barter-python-v`); `notes status` shows which"),
        .init("package[].changelog", .string, nil, "Its changelog.", meaning: "`files.changelog` inside its first path, when that is a directory"),
        .init("package[].readme", .string, nil, "Its README.", meaning: "`files.readme` inside its first path, when that is a directory"),
        .init("package[].todo", .string, nil, "Its task list.", meaning: "`files.todo`"),
        .init("package[].version_files", .strings, nil, "Its version files.", meaning: "`files.version_files`, each inside its first path when that is a directory"),
        .init("package[].tag_ignore", .strings, "[]", "Globs of tag names that are never its release tags, besides `tags.ignore`."),
        .init("package[].tag_pattern", .string, nil, "A regular expression its release tags' names must match.", meaning: "`tags.pattern`"),
        .init("package[].bootstrap", .string, nil, "The revision its first release starts after while it has no release tag (release-please's `bootstrap-sha`).",
              meaning: "the commit where its first version file took its current version"),
    ]

    /// The key at `path` (`package[].name`).
    public static func key(_ path: String) -> ConfigurationKey? { byPath[path] }

    private static let byPath: [String: ConfigurationKey] = Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })

    /// The keys directly inside the table at `parent` ("" for the top level).
    public static func children(of parent: String) -> [ConfigurationKey] { all.filter { $0.parent == parent } }
}

/// Edit distance, for "did you mean" suggestions.
enum Levenshtein {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// The candidate nearest to `word`, when it is near enough to be a likely typo.
    static func nearest(to word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, word.count / 2) ? best.0 : nil
    }
}
