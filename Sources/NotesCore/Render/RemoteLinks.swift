import Foundation

/// Builds web links to commits, issues and comparisons for a GitHub or GitLab remote.
public struct RemoteLinks: Sendable, Hashable {
    /// The kind of forge.
    public enum Forge: String, Sendable, Codable { case github, gitlab }
    /// GitHub or GitLab.
    public let forge: Forge
    /// `https://github.com`, `https://gitlab.example.com`.
    public let baseURL: String
    /// `owner/repo` (GitLab: `group/subgroup/repo`).
    public let path: String

    /// Makes links for a forge at `baseURL` and `path`.
    public init(forge: Forge, baseURL: String, path: String) {
        self.forge = forge
        self.baseURL = baseURL
        self.path = path
    }

    /// Reads a remote URL in https, ssh (`ssh://git@host/owner/repo.git`) or scp form
    /// (`git@host:owner/repo.git`). Hosts named `github.com` are GitHub; hosts whose name contains
    /// `gitlab` are GitLab. Anything else (a local path, another forge) gives nil: links are then plain text.
    public init?(remoteURL: String) {
        var text = remoteURL.trimmingCharacters(in: .whitespaces)
        var host: Substring
        var path: Substring
        if let schemeEnd = text.range(of: "://") {
            let scheme = text[..<schemeEnd.lowerBound].lowercased()
            guard ["https", "http", "ssh", "git", "git+ssh", "ssh+git"].contains(scheme) else { return nil }
            let rest = text[schemeEnd.upperBound...]
            guard let slash = rest.firstIndex(of: "/") else { return nil }
            host = rest[..<slash]
            path = rest[rest.index(after: slash)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            if let colon = host.firstIndex(of: ":") { host = host[..<colon] }
        } else if let colon = text.firstIndex(of: ":"), !text.hasPrefix("/") {
            host = text[..<colon]
            path = text[text.index(after: colon)...]
            if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
            guard !host.contains("/") else { return nil }
        } else {
            return nil
        }
        text = String(path)
        while text.hasSuffix("/") { text.removeLast() }
        if text.hasSuffix(".git") { text.removeLast(4) }
        while text.hasPrefix("/") { text.removeFirst() }
        let lowerHost = host.lowercased()
        let components = text.split(separator: "/")
        guard components.count >= 2, !lowerHost.isEmpty else { return nil }
        if lowerHost == "github.com" || lowerHost == "www.github.com" {
            guard components.count == 2 else { return nil }
            self.init(forge: .github, baseURL: "https://github.com", path: text)
        } else if lowerHost.contains("gitlab") {
            self.init(forge: .gitlab, baseURL: "https://\(lowerHost)", path: text)
        } else {
            return nil
        }
    }

    /// The web page of the repository.
    public var repositoryURL: String { "\(baseURL)/\(path)" }

    /// The page of a commit.
    public func commitURL(_ id: String) -> String {
        switch forge {
        case .github: "\(repositoryURL)/commit/\(id)"
        case .gitlab: "\(repositoryURL)/-/commit/\(id)"
        }
    }

    /// The page of an issue, in this repository or in `owner/repository` when given.
    public func issueURL(_ issue: IssueReference) -> String {
        let repo = issue.owner.flatMap { owner in issue.repository.map { "\(baseURL)/\(owner)/\($0)" } }
            ?? repositoryURL
        switch forge {
        case .github: return "\(repo)/issues/\(issue.number)"
        case .gitlab: return "\(repo)/-/issues/\(issue.number)"
        }
    }

    /// The page of pull request (GitLab: merge request) `number` of this repository.
    public func pullRequestURL(_ number: Int) -> String {
        switch forge {
        case .github: "\(repositoryURL)/pull/\(number)"
        case .gitlab: "\(repositoryURL)/-/merge_requests/\(number)"
        }
    }

    /// The comparison between two revisions.
    public func compareURL(from: String, to: String) -> String {
        switch forge {
        case .github: "\(repositoryURL)/compare/\(from)...\(to)"
        case .gitlab: "\(repositoryURL)/-/compare/\(from)...\(to)"
        }
    }
}
