/// Which paths and refs a configuration or a flag may name: notes only writes inside the work tree, and
/// only notes refs get notes. A notes.toml arrives in pull requests, so it must not be able to make a CI
/// run write anywhere the CI user can.
enum PathRules {
    /// True when `path` (relative to the repository root) stays inside its work tree: not absolute, no `..`
    /// component climbs above the root, and no component is `.git` (any case): the git folder is not the
    /// work tree. Only the words are checked here; where links lead is ``WorkTreeBoundary``'s decision.
    static func staysInside(_ path: String) -> Bool {
        guard !path.hasPrefix("/") else { return false }
        var depth = 0
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            if component.lowercased() == ".git" { return false }
            switch component {
            case ".": continue
            case "..":
                depth -= 1
                if depth < 0 { return false }
            default:
                depth += 1
            }
        }
        return true
    }

    /// Why `path` (relative to the repository root) is not a place in the work tree, nil when it is:
    /// "is outside the repository's work tree", or "is inside the repository's git folder (.git)".
    static func placeProblem(_ path: String) -> String? {
        if path.split(separator: "/").contains(where: { $0.lowercased() == ".git" }) {
            return "is inside the repository's git folder (.git), where notes never writes or reads"
        }
        return staysInside(path) ? nil : "is outside the repository's work tree"
    }

    /// Why `ref` cannot hold release notes, nil when it can: it must be a full ref under `refs/notes/` with a
    /// name after it and nothing git refuses in ref names.
    static func notesRefProblem(_ ref: String) -> String? {
        guard ref.hasPrefix("refs/notes/"), ref.count > "refs/notes/".count else {
            return "is not a notes ref (refs/notes/…): notes commits there would move a branch or a tag"
        }
        let bad = ["..", "@{", "//", " ", "~", "^", ":", "?", "*", "[", "\\"]
        if bad.contains(where: ref.contains) || ref.hasSuffix("/") || ref.hasSuffix(".lock") || ref.hasSuffix(".")
            || ref.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "is not a valid ref name"
        }
        return nil
    }
}
