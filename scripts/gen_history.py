#!/usr/bin/env python3
"""Generate a deterministic synthetic git history for benchmarking `notes`.

    scripts/gen_history.py --commits 10000 --out DIR

The repository is written with `git fast-import` from a fixed seed, fixed
dates and fixed author names, so the same arguments always give the same
commit ids. Its shape:

* Conventional Commit subjects of every type, most with a scope; about 5 %
  breaking (`!` or a `BREAKING CHANGE:` footer), about 30 % with issue
  references (`Closes #N`, `Refs: #N`, `(#N)` suffixes), multi-line bodies,
  trailers, a few non-conventional subjects.
* Merges of short topic branches (`Merge pull request #N from ...` and
  `Merge branch '...'`), reverts (`Revert "..."` with `This reverts commit
  <sha>.` and `revert: ...` with `Refs: <sha>`).
* Non-ASCII author names, subjects and bodies (UTF-8), one non-ASCII path.
* A version tag `vX.Y.Z` every ~200 commits (annotated and lightweight),
  some pre-releases (`-alpha.N`, `-beta.N`, `-rc.N`); HEAD is the latest
  final release, and the release before it is a final release too.
* Each commit changes 1-2 files in one or two of the top-level directories
  core/, api/, python/, docs/, cli/ (and rarely a top-level file), so a
  package path such as `python` selects a meaningful subset.

Statistics of what was generated are written to DIR/.git/bench-shape.json and
printed as JSON. Standard library only.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time

# Bump whenever the output changes, so that cached repositories are rebuilt.
GENERATOR_VERSION = 1

SEED = 20240601
START_EPOCH = 1420070400  # 2015-01-01T00:00:00Z

DIRS = {
    # dir: (weight, files, scopes)
    "core": (30, ["src/parser.c", "src/lexer.c", "src/graph.c", "src/cache.c", "src/walk.c",
                  "src/config.c", "include/core.h", "include/graph.h", "tests/test_parser.c",
                  "tests/test_graph.c", "Makefile", "README.md"],
             ["core", "parser", "graph", "cache", "config"]),
    "api": (20, ["v1/handlers.go", "v1/routes.go", "v1/models.go", "v2/handlers.go",
                 "v2/routes.go", "v2/models.go", "auth/token.go", "auth/session.go",
                 "go.mod", "openapi.yaml"],
            ["api", "auth", "http", "v2"]),
    "python": (20, ["notes_py/__init__.py", "notes_py/client.py", "notes_py/models.py",
                    "notes_py/render.py", "notes_py/_util.py", "tests/test_client.py",
                    "tests/test_render.py", "pyproject.toml", "README.md"],
               ["python", "py", "bindings", "client"]),
    "docs": (15, ["index.md", "guide/getting-started.md", "guide/configuration.md",
                  "guide/templates.md", "guide/überblick.md", "reference/cli.md",
                  "reference/api.md", "faq.md"],
             ["docs", "guide", "readme", "i18n"]),
    "cli": (15, ["src/main.rs", "src/args.rs", "src/output.rs", "src/color.rs",
                 "tests/cli.rs", "Cargo.toml", "completions/notes.bash"],
            ["cli", "args", "output", "completions"]),
}
TOP_FILES = ["README.md", "LICENSE", ".editorconfig", "CONTRIBUTING.md"]

TYPES = [  # type, weight
    ("feat", 24), ("fix", 24), ("docs", 8), ("style", 3), ("refactor", 9), ("perf", 4),
    ("test", 7), ("build", 4), ("ci", 4), ("chore", 8), ("revert", 0),  # revert handled apart
]

AUTHORS = [
    ("Alice Johnson", "alice@example.com"),
    ("Bob Smith", "bob@example.org"),
    ("Carol Nguyen", "carol@example.net"),
    ("David Müller", "david.mueller@example.de"),
    ("José Martínez", "jose@example.es"),
    ("Zoë Brontë", "zoe@example.co.uk"),
    ("Łukasz Wiśniewski", "lukasz@example.pl"),
    ("田中太郎", "taro.tanaka@example.jp"),
    ("Анна Петрова", "anna@example.ru"),
    ("Søren Kierkegaard", "soren@example.dk"),
    ("Chloé Dubois", "chloe@example.fr"),
    ("Mehmet Yılmaz", "mehmet@example.com.tr"),
    ("Priya Raman", "priya@example.in"),
    ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"),
    ("Erik O'Neil", "erik@example.ie"),
    ("李雷", "li.lei@example.cn"),
]
AUTHOR_WEIGHTS = [14, 12, 10, 8, 7, 6, 5, 5, 5, 4, 4, 4, 4, 3, 3, 2]
MAINTAINERS = AUTHORS[:3]
TZS = ["+0000", "+0100", "+0200", "-0500", "-0800", "+0900", "+0530", "+0300", "-0300"]

VERBS = {
    "feat": ["add", "support", "introduce", "allow", "expose", "implement"],
    "fix": ["fix", "handle", "correct", "avoid", "prevent", "guard against"],
    "docs": ["document", "explain", "clarify", "describe", "update docs for"],
    "style": ["format", "reindent", "tidy", "lint"],
    "refactor": ["extract", "simplify", "rename", "split", "inline", "restructure"],
    "perf": ["speed up", "cache", "avoid copying", "stream", "batch", "precompute"],
    "test": ["cover", "add tests for", "test", "add regression test for"],
    "build": ["bump", "pin", "vendor", "update"],
    "ci": ["run", "cache", "split", "add job for"],
    "chore": ["update", "clean up", "remove unused", "bump"],
}
NOUNS = ["tag parsing", "commit walk", "merge detection", "scope filter", "template loader",
         "markdown renderer", "release grouping", "semver comparison", "path filter",
         "output writer", "config file", "issue links", "author mapping", "date formatting",
         "breaking-change footer", "pre-release ordering", "revert detection", "color output",
         "shell completions", "HTTP client", "token refresh", "session store", "cache eviction",
         "error messages", "unicode handling", "large repositories", "empty ranges",
         "annotated tags", "trailers", "CHANGELOG header", "Windows paths", "locale handling"]
DEPS = ["libgit2", "cmark", "serde", "tokio", "clap", "pytest", "requests", "golang.org/x/net",
        "actions/checkout", "swift-argument-parser"]
NON_ASCII_SUBJECTS = [
    "prise en charge des caractères accentués",
    "Übersetzung der Fehlermeldungen",
    "日本語のドキュメントを更新",
    "поддержка кириллицы в заголовках",
    "emoji in release titles 🚀",
    "naïve café résumé handling",
    "support für Umlaute in Pfaden",
    "修复中文提交信息的解析",
    "ñandú: tildes y eñes",
    "Ελληνικά στα πρότυπα",
]
BODY_SENTENCES = [
    "The previous implementation walked the whole history for every release.",
    "This keeps the public API unchanged.",
    "Callers that relied on the old ordering must sort explicitly.",
    "We now read the commit headers lazily and only parse bodies when needed.",
    "The regression was introduced when the tag map became ordered by date.",
    "Measured on a 100k-commit repository this saves about a third of the time.",
    "See the discussion in the design document for the alternatives considered.",
    "Edge cases with empty messages and lone trailers are covered by new tests.",
    "No behaviour change for repositories without tags.",
    "The option is off by default and documented in the guide.",
    "Windows line endings (CRLF) in messages are normalised.",
    "Large merges no longer allocate one string per parent.",
]
BODY_SENTENCES_NON_ASCII = [
    "Les messages non-ASCII sont désormais conservés tels quels.",
    "Die Ausgabe bleibt byte-identisch für reine ASCII-Historien.",
    "これにより、大規模なリポジトリでも高速になります。",
    "Теперь заголовки с кириллицей отображаются корректно.",
    "Ça marche aussi avec « guillemets » et — tirets.",
    "Naïve café résumé: the author's name is now kept as written.",
]
BULLETS = ["- parse trailers case-insensitively", "- keep the first line verbatim",
           "- drop the trailing newline", "- sort scopes alphabetically",
           "- reuse the revwalk between ranges", "- fewer allocations",
           "- avoid quadratic string concatenation", "- handle `--` in paths"]
TOPIC_WORDS = ["tags", "walk", "render", "paths", "cache", "i18n", "api-v2", "auth", "cli-colors",
               "templates", "semver", "py-client", "docs-guide"]


class Gen:
    def __init__(self, n_commits, seed=SEED):
        self.n = n_commits
        self.r = random.Random(seed)
        self.t = START_EPOCH
        self.mark = 0
        self.count = 0  # commits emitted
        self.issue = 1
        self.pr = 1
        self.files = {}  # path -> list of lines (state of main)
        self.main_tip = None  # mark
        self.recent = []  # (mark, subject) of recent main commits, for reverts
        self.version = [0, 1, 0]
        self.stats = {"commits": 0, "merges": 0, "reverts": 0, "breaking": 0, "issue_refs": 0,
                      "non_ascii_messages": 0, "non_conventional": 0, "with_body": 0,
                      "tags": 0, "releases": 0, "prereleases": 0, "annotated_tags": 0,
                      "by_type": {}, "by_dir": {d: 0 for d in DIRS}, "top_level_files": 0}
        self.out = []
        self.proc = None

    # ---- low-level stream helpers -------------------------------------------------------
    def w(self, s):
        self.out.append(s.encode("utf-8") if isinstance(s, str) else s)
        if len(self.out) > 4096:
            self.flush_buf()

    def flush_buf(self):
        self.proc.stdin.write(b"".join(self.out))
        self.out = []

    def data(self, text):
        b = text.encode("utf-8")
        self.w(b"data %d\n" % len(b))
        self.w(b)
        self.w(b"\n")

    def sha_of(self, mark):
        self.w("get-mark :%d\n" % mark)
        self.flush_buf()
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().decode().strip()
        if len(line) != 40:
            raise RuntimeError("unexpected get-mark answer: %r" % line)
        return line

    def next_mark(self):
        self.mark += 1
        return self.mark

    def tick(self):
        self.t += self.r.randint(60, 3600)
        return self.t

    def ident(self, who, t=None):
        name, email = who
        tz = TZS[(hash_str(name) + (t or self.t) // 86400) % len(TZS)]
        return "%s <%s> %d %s" % (name, email, t or self.t, tz)

    # ---- content ------------------------------------------------------------------------
    def pick_paths(self):
        r = self.r
        names = list(DIRS)
        weights = [DIRS[d][0] for d in names]
        d1 = r.choices(names, weights)[0]
        dirs = [d1]
        if r.random() < 0.2:
            d2 = r.choices(names, weights)[0]
            if d2 != d1:
                dirs.append(d2)
        paths = []
        for d in dirs:
            paths.append(d + "/" + r.choice(DIRS[d][1]))
        if len(dirs) == 1 and r.random() < 0.35:
            p = d1 + "/" + r.choice(DIRS[d1][1])
            if p not in paths:
                paths.append(p)
        if r.random() < 0.01:
            paths = [r.choice(TOP_FILES)]
            dirs = []
        return dirs, paths

    def new_content(self, path, state):
        lines = state.get(path)
        if lines is None:
            lines = ["line %d" % i for i in range(self.r.randint(6, 20))]
        else:
            lines = list(lines)
        i = self.r.randrange(len(lines))
        lines[i] = "change %d" % self.count
        if self.r.random() < 0.1 and len(lines) < 40:
            lines.insert(self.r.randrange(len(lines) + 1), "added in %d" % self.count)
        state[path] = lines
        return "\n".join(lines) + "\n"

    def modify(self, paths, state):
        for p in paths:
            self.w("M 100644 inline %s\n" % p)
            self.data(self.new_content(p, state))

    # ---- messages -----------------------------------------------------------------------
    def message(self, dirs):
        r = self.r
        st = self.stats
        typ = r.choices([t for t, _ in TYPES], [w for _, w in TYPES])[0]
        st["by_type"][typ] = st["by_type"].get(typ, 0) + 1
        non_ascii = r.random() < 0.06
        if non_ascii:
            desc = r.choice(NON_ASCII_SUBJECTS)
        elif typ == "build" and r.random() < 0.6:
            desc = "bump %s from %d.%d.%d to %d.%d.%d" % (
                r.choice(DEPS), r.randint(0, 3), r.randint(0, 20), r.randint(0, 9),
                r.randint(0, 3), r.randint(0, 20), r.randint(0, 9))
        else:
            desc = "%s %s" % (r.choice(VERBS[typ]), r.choice(NOUNS))
        scope = None
        if r.random() < 0.8:
            if dirs and r.random() < 0.85:
                scope = r.choice(DIRS[dirs[0]][2])
            else:
                scope = r.choice(["deps", "release", "repo", "core", "api"])
        breaking = r.random() < 0.05
        bang = breaking and r.random() < 0.5
        subject = typ + ("(%s)" % scope if scope else "") + ("!" if bang else "") + ": " + desc
        issue_ref = r.random() < 0.30
        footers = []
        if issue_ref:
            kind = r.random()
            n = r.randint(1, max(2, self.issue))
            if kind < 0.35:
                subject += " (#%d)" % n
            elif kind < 0.6:
                footers.append("Closes #%d" % n)
            elif kind < 0.75:
                footers.append("Fixes #%d" % n)
            elif kind < 0.9:
                footers.append("Refs: #%d, #%d" % (n, r.randint(1, max(2, self.issue))))
            else:
                footers.append("Closes: https://github.com/example/notes/issues/%d" % n)
        self.issue += r.randint(0, 2)
        if r.random() < 0.03:  # a few non-conventional subjects
            subject = r.choice(["Update README.md", "wip", "Fix typo", "Initial import of %s"
                                % r.choice(NOUNS), "Bump version", "Aktualisiere Übersetzungen"])
            st["non_conventional"] += 1
            breaking = bang = False
        body = []
        if r.random() < 0.6:
            for _ in range(r.randint(1, 3)):
                if r.random() < 0.25:
                    body.append("\n".join(r.sample(BULLETS, r.randint(2, 4))))
                elif r.random() < 0.08:
                    body.append(r.choice(BODY_SENTENCES_NON_ASCII))
                else:
                    body.append(" ".join(r.sample(BODY_SENTENCES, r.randint(1, 3))))
        if breaking and not bang:
            footers.append("BREAKING CHANGE: %s" % r.choice([
                "the `--from` option now excludes the given revision",
                "templates receive `commits` grouped by scope",
                "die Konfigurationsdatei heißt jetzt `notes.toml`",
                "the Python client requires 3.9 or newer"]))
        elif bang and r.random() < 0.5:
            footers.append("BREAKING-CHANGE: callers must migrate to the new API")
        if r.random() < 0.1:
            footers.append("Co-authored-by: %s <%s>" % r.choice(AUTHORS))
        if r.random() < 0.05:
            footers.append("Signed-off-by: %s <%s>" % r.choice(MAINTAINERS))
        msg = subject
        if body:
            msg += "\n\n" + "\n\n".join(body)
            st["with_body"] += 1
        if footers:
            msg += "\n\n" + "\n".join(footers)
        if breaking:
            st["breaking"] += 1
        if issue_ref:
            st["issue_refs"] += 1
        if non_ascii or any(ord(c) > 127 for c in msg):
            st["non_ascii_messages"] += 1
        return msg + "\n", subject

    # ---- commits ------------------------------------------------------------------------
    def commit(self, ref, msg, parents, paths, state, author=None, t=None):
        mark = self.next_mark()
        t = t or self.tick()
        author = author or self.r.choices(AUTHORS, AUTHOR_WEIGHTS)[0]
        committer = author if self.r.random() < 0.8 else self.r.choice(MAINTAINERS)
        self.w("commit %s\nmark :%d\n" % (ref, mark))
        self.w("author %s\n" % self.ident(author, t))
        self.w("committer %s\n" % self.ident(committer, t + self.r.randint(0, 600)))
        self.data(msg)
        if parents:
            self.w("from :%d\n" % parents[0])
            for p in parents[1:]:
                self.w("merge :%d\n" % p)
        if isinstance(paths, dict):  # explicit contents (merges)
            for p, content in paths.items():
                self.w("M 100644 inline %s\n" % p)
                self.data(content)
        else:
            self.modify(paths, state)
        self.w("\n")
        self.count += 1
        self.stats["commits"] += 1
        return mark

    def normal_commit(self, ref, parent, state):
        dirs, paths = self.pick_paths()
        for d in dirs:
            self.stats["by_dir"][d] += 1
        if not dirs:
            self.stats["top_level_files"] += 1
        msg, subject = self.message(dirs)
        mark = self.commit(ref, msg, [parent] if parent else [], paths, state)
        return mark, subject, paths

    def main_commit(self):
        r = self.r
        if self.recent and r.random() < 0.01:
            return self.revert_commit()
        mark, subject, _ = self.normal_commit("refs/heads/main", self.main_tip, self.files)
        self.main_tip = mark
        self.recent.append((mark, subject))
        del self.recent[:-50]
        return 1

    def revert_commit(self):
        r = self.r
        target_mark, target_subject = r.choice(self.recent)
        sha = self.sha_of(target_mark)
        if r.random() < 0.75:
            msg = 'Revert "%s"\n\nThis reverts commit %s.\n' % (target_subject, sha)
        else:
            msg = "revert: %s\n\nRefs: %s\n" % (target_subject, sha)
        self.stats["by_type"]["revert"] = self.stats["by_type"].get("revert", 0) + 1
        dirs, paths = self.pick_paths()
        for d in dirs:
            self.stats["by_dir"][d] += 1
        self.main_tip = self.commit("refs/heads/main", msg, [self.main_tip], paths, self.files)
        self.stats["reverts"] += 1
        return 1

    def topic_branch(self, budget):
        """A short topic branch forked from main, maybe main moves on, then a merge commit."""
        r = self.r
        k = min(r.randint(1, 4), budget - 1)
        fork = self.main_tip
        side_state = dict(self.files)
        touched = set()
        tip = fork
        first_subject = None
        ref = "refs/heads/topic"
        for _ in range(k):
            tip, subject, paths = self.normal_commit(ref, tip, side_state)
            touched.update(paths)
            first_subject = first_subject or subject
        emitted = k
        # main may move on meanwhile (touching other files possibly)
        for _ in range(min(r.randint(0, 2), budget - emitted - 1)):
            emitted += self.main_commit()
        merged = {p: "\n".join(side_state[p]) + "\n" for p in sorted(touched)}
        for p in merged:
            self.files[p] = side_state[p]
        if r.random() < 0.7:
            user = r.choice(AUTHORS)[1].split("@")[0]
            msg = "Merge pull request #%d from %s/%s\n\n%s\n" % (
                self.pr + self.issue, user, r.choice(TOPIC_WORDS), first_subject)
            self.pr += 1
        else:
            msg = "Merge branch '%s/%s'\n" % (r.choice(["feature", "fix", "topic"]),
                                              r.choice(TOPIC_WORDS))
        self.main_tip = self.commit("refs/heads/main", msg, [self.main_tip, tip], merged,
                                    self.files, author=r.choice(MAINTAINERS))
        self.stats["merges"] += 1
        return emitted + 1

    # ---- tags ---------------------------------------------------------------------------
    def tag(self, name, annotated):
        if annotated:
            self.w("tag %s\nfrom :%d\n" % (name, self.main_tip))
            self.w("tagger %s\n" % self.ident(self.r.choice(MAINTAINERS), self.t + 60))
            self.data("Release %s\n" % name)
            self.stats["annotated_tags"] += 1
        else:
            self.w("reset refs/tags/%s\nfrom :%d\n\n" % (name, self.main_tip))
        self.stats["tags"] += 1

    def bumped(self):
        x = self.r.random()
        v = self.version
        if x < 0.05:
            return [v[0] + 1, 0, 0]
        if x < 0.75:
            return [v[0], v[1] + 1, 0]
        return [v[0], v[1], v[2] + 1]

    def release(self, pending, annotated=None):
        self.version = pending or self.bumped()
        if annotated is None:
            annotated = self.r.random() < 0.8
        self.tag(self.vname(), annotated)
        self.stats["releases"] += 1

    def vname(self):
        return "v%d.%d.%d" % tuple(self.version)

    # ---- driver -------------------------------------------------------------------------
    def run(self, out_dir):
        r = self.r
        # fast-import allocates and frees zlib buffers per object; without a malloc top pad
        # half of its time goes into brk(2).
        env = dict(os.environ, MALLOC_TOP_PAD_="67108864", MALLOC_TRIM_THRESHOLD_="268435456")
        self.proc = subprocess.Popen(["git", "fast-import", "--quiet", "--done"], cwd=out_dir,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        # root commit
        self.main_tip = self.commit("refs/heads/main", "chore: initial commit\n", [],
                                    ["README.md", "core/Makefile", "python/pyproject.toml"],
                                    self.files, author=AUTHORS[0])
        next_release = self.count + r.randint(150, 250)
        pending = None  # version of the next release once it has a pre-release
        pre_at = []  # commit counts at which to tag pre-releases of `pending`
        pre_n = 0
        while self.count < self.n:
            budget = self.n - self.count
            if budget > 3 and r.random() < 0.015:
                self.topic_branch(budget)
            else:
                self.main_commit()
            if pre_at and self.count >= pre_at[0]:
                pre_at.pop(0)
                pre_n += 1
                label = r.choice(["alpha", "beta", "rc", "rc"])
                self.tag("v%d.%d.%d-%s.%d" % (*pending, label, pre_n), annotated=r.random() < 0.7)
                self.stats["prereleases"] += 1
            if self.count >= next_release and self.n - self.count >= 100:
                self.release(pending)
                pending, pre_at, pre_n = None, [], 0
                next_release = self.count + r.randint(150, 250)
                # pre-releases for the next release, unless it is near the end
                if r.random() < 0.25 and next_release < self.n - 300:
                    first = next_release - r.randint(30, 90)
                    pre_at = [first] + ([first + r.randint(10, 25)] if r.random() < 0.4 else [])
                    pending = self.bumped()
        # HEAD is the latest final release (100-350 commits after the one before it, which
        # is a final release too: no pre-release is planned within 300 commits of the end).
        self.release(pending, annotated=True)
        self.w("done\n")
        self.flush_buf()
        self.proc.stdin.close()
        rc = self.proc.wait()
        if rc != 0:
            raise RuntimeError("git fast-import failed (%d)" % rc)


def hash_str(s):
    h = 0
    for c in s.encode("utf-8"):
        h = (h * 131 + c) & 0xFFFFFFFF
    return h


def git(out_dir, *args, **kw):
    return subprocess.run(["git", *args], cwd=out_dir, check=True, **kw)


def generate(n_commits, out_dir, seed=SEED, repack=True):
    if n_commits < 10:
        raise SystemExit("--commits must be at least 10")
    if os.path.exists(out_dir) and os.listdir(out_dir):
        raise SystemExit("%s exists and is not empty" % out_dir)
    os.makedirs(out_dir, exist_ok=True)
    t0 = time.monotonic()
    git(out_dir, "init", "-q", "-b", "main")
    git(out_dir, "config", "gc.auto", "0")
    git(out_dir, "config", "core.quotePath", "false")
    g = Gen(n_commits, seed)
    g.run(out_dir)
    git(out_dir, "update-ref", "-d", "refs/heads/topic", stderr=subprocess.DEVNULL)
    git(out_dir, "symbolic-ref", "HEAD", "refs/heads/main")
    if repack:  # like a fresh clone: one delta-compressed pack, no commit-graph
        git(out_dir, "repack", "-a", "-d", "-q", "--window=10")
        git(out_dir, "pack-refs", "--all")
    git(out_dir, "reset", "-q", "--hard", "HEAD")
    st = g.stats
    st["generator_version"] = GENERATOR_VERSION
    st["seed"] = seed
    st["head"] = git(out_dir, "rev-parse", "HEAD", capture_output=True,
                     text=True).stdout.strip()
    st["seconds"] = round(time.monotonic() - t0, 1)
    with open(os.path.join(out_dir, ".git", "bench-shape.json"), "w") as f:
        json.dump(st, f, indent=1, sort_keys=True)
    return st


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--commits", type=int, default=10000, help="number of commits (default 10000)")
    ap.add_argument("--out", required=True, help="directory to create (must be empty or absent)")
    ap.add_argument("--seed", type=int, default=SEED, help="random seed (default %(default)s)")
    ap.add_argument("--no-repack", action="store_true", help="keep fast-import's pack as is")
    a = ap.parse_args(argv)
    st = generate(a.commits, a.out, a.seed, repack=not a.no_repack)
    json.dump(st, sys.stdout, indent=1, sort_keys=True, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
