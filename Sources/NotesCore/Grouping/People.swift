/// GitHub accounts as the history spells them, without the network: the handle in a no-reply address, and
/// what a handle may look like.
public enum GitHubHandle {
    /// The domain of GitHub's no-reply addresses.
    static let noReplyDomain = "users.noreply.github.com"

    /// The handle of a GitHub no-reply address: `12345+handle@users.noreply.github.com` and
    /// `handle@users.noreply.github.com` give `handle` (a bot's `49699333+dependabot[bot]@…` gives
    /// `dependabot[bot]`); nil for any other address or a handle GitHub would not accept.
    public static func fromNoReplyAddress(_ email: String) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        let domain = email[email.index(after: at)...]
        guard domain.utf8.count == noReplyDomain.utf8.count,
              domain.lowercased() == noReplyDomain else { return nil }
        var local = email[..<at]
        if let plus = local.firstIndex(of: "+"), local[..<plus].allSatisfy(\.isASCIIDigitCharacter),
           plus != local.startIndex {
            local = local[local.index(after: plus)...]
        }
        return normalized(String(local))
    }

    /// `text` as a handle: without a leading `@`, when it is one GitHub accepts: 1 to 39 ASCII letters, digits
    /// and hyphens, not starting or ending with a hyphen, optionally followed by `[bot]`; nil otherwise.
    public static func normalized(_ text: String) -> String? {
        var handle = Substring(text)
        if handle.hasPrefix("@") { handle = handle.dropFirst() }
        var login = handle
        if login.hasSuffix("[bot]") { login = login.dropLast(5) }
        guard (1...39).contains(login.utf8.count), login.first != "-", login.last != "-",
              login.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                      || byte == UInt8(ascii: "-")
              }) else { return nil }
        return String(handle)
    }

    /// The account a handle mentions: a bot's `dependabot[bot]` is mentioned as `dependabot`, as GitHub does.
    public static func mentioned(_ handle: String) -> String {
        handle.hasSuffix("[bot]") ? String(handle.dropLast(5)) : handle
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

/// How the names and addresses commits carry become people: `.mailmap` first, then one person for every
/// group of identities connected by a shared address (case-insensitive), a shared GitHub handle (from a
/// no-reply address or `[contributors] handles`), or, with `[contributors] merge_by = "name"`, a shared name
/// (case-insensitive). Connected, not pairwise: A and B share an address, B and C a handle, so A, B and C
/// are one person.
public struct PeopleRules: Sendable, Equatable {
    /// The repository's `.mailmap`.
    public var mailmap = Mailmap()
    /// `[contributors] merge_by = "name"`.
    public var mergeByName = true
    /// `[contributors] handles`: lowercased address or name → handle (without `@`).
    public var handles: [String: String] = [:]

    /// No mapping, merged by name.
    public init() {}

    /// The rules of a configuration (the `.mailmap` is read apart, from the work tree).
    public init(_ configuration: Configuration) {
        mergeByName = configuration.contributors.mergeBy != "email"
        for (key, value) in configuration.contributors.handles {
            if let handle = GitHubHandle.normalized(value) { handles[key.lowercased()] = handle }
        }
    }

    /// One name and address as a commit credits them (author or `Co-authored-by`), after the `.mailmap`.
    public struct Identity: Hashable, Sendable {
        /// The name.
        public var name: String
        /// The address.
        public var email: String
    }

    /// `name` and `email` as the `.mailmap` resolves them.
    public func identity(name: String, email: String) -> Identity {
        let resolved = mailmap.resolve(name: name, email: email)
        return Identity(name: resolved.name, email: resolved.email)
    }

    /// The GitHub handle of an identity: `[contributors] handles` by address, then by name, then the
    /// no-reply address's; nil when none is known.
    public func handle(of identity: Identity) -> String? {
        if !handles.isEmpty {
            if let handle = handles[identity.email.lowercased()] ?? handles[identity.name.lowercased()] { return handle }
        }
        return GitHubHandle.fromNoReplyAddress(identity.email)
    }

    /// What joins an identity to others: `e:` its address, `h:` its handle, `n:` its name (with merge by name),
    /// each lowercased; empty names and addresses join nobody.
    public func keys(of identity: Identity) -> [String] {
        var keys: [String] = []
        keys.reserveCapacity(3)
        if !identity.email.isEmpty { keys.append("e:" + identity.email.lowercased()) }
        if let handle = handle(of: identity) { keys.append("h:" + handle.lowercased()) }
        if mergeByName && !identity.name.isEmpty { keys.append("n:" + identity.name.lowercased()) }
        return keys
    }
}

/// Identities joined into people: a union-find over identities, joined through the keys they share
/// (``PeopleRules/keys(of:)``). Adding is near constant time; `root` gives an identity's person.
struct PeopleIndex {
    let rules: PeopleRules
    private(set) var identities: [PeopleRules.Identity] = []
    private(set) var keys: [[String]] = []
    private var indexByIdentity: [PeopleRules.Identity: Int] = [:]
    private var parent: [Int] = []
    private var ownerOfKey: [String: Int] = [:]

    init(rules: PeopleRules) { self.rules = rules }

    /// The index of `identity`, added (and joined to every identity sharing a key) the first time.
    mutating func add(_ identity: PeopleRules.Identity) -> Int {
        if let known = indexByIdentity[identity] { return known }
        let index = identities.count
        identities.append(identity)
        parent.append(index)
        indexByIdentity[identity] = index
        let identityKeys = rules.keys(of: identity)
        keys.append(identityKeys)
        for key in identityKeys {
            if let owner = ownerOfKey[key] { union(owner, index) } else { ownerOfKey[key] = index }
        }
        return index
    }

    /// The person (a representative identity index) of identity `index`.
    mutating func root(_ index: Int) -> Int {
        var root = index
        while parent[root] != root { root = parent[root] }
        var node = index
        while parent[node] != root {
            let next = parent[node]
            parent[node] = root
            node = next
        }
        return root
    }

    private mutating func union(_ a: Int, _ b: Int) {
        let (rootA, rootB) = (root(a), root(b))
        guard rootA != rootB else { return }
        // The older identity stays the representative: results do not depend on how unions chained.
        if rootA < rootB { parent[rootB] = rootA } else { parent[rootA] = rootB }
    }
}
