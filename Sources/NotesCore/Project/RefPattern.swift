/// A GitHub Actions filter pattern (`on.push.tags: ["v*", "!v*-rc*"]`), matched in time linear in the
/// name's length times the pattern's: it is compiled to a list of steps and run as a set of positions, never
/// by backtracking (the pattern comes from a repository, which is untrusted input).
///
/// The characters GitHub gives a meaning (docs: "Filter pattern cheat sheet"): `*` any characters but `/`,
/// `**` any characters, `?` zero or one of the preceding character, `+` one or more of the preceding
/// character, `[...]` one character of a set or range (`[0-9]`), `\` takes the next character literally.
/// A list's `!pattern` leaves out what the patterns before it matched.
public struct RefPattern: Sendable, Hashable, CustomStringConvertible {
    enum Atom: Sendable, Hashable {
        case byte(UInt8)
        case set([ClosedRange<UInt8>], negated: Bool)
        /// `*` (any byte but `/`) or `**` (any byte), repeated zero or more times.
        case star(crossesSlash: Bool)

        func accepts(_ byte: UInt8) -> Bool {
            switch self {
            case .byte(let wanted): return byte == wanted
            case .set(let ranges, let negated): return ranges.contains { $0.contains(byte) } != negated
            case .star(let crossesSlash): return crossesSlash || byte != UInt8(ascii: "/")
            }
        }
    }

    enum Count: Sendable, Hashable { case one, optional, oneOrMore }

    struct Step: Sendable, Hashable {
        var atom: Atom
        var count: Count
    }

    /// The pattern as written, without a leading `!`.
    public let text: String
    /// True for `!pattern`.
    public let negated: Bool
    let steps: [Step]

    /// Compiles `text`; a `!` at the start makes an exclusion. Patterns over 1,000 bytes are refused.
    public init?(_ written: String) {
        var bytes = Array(written.utf8)
        guard !bytes.isEmpty, bytes.count <= 1_000 else { return nil }
        negated = bytes[0] == UInt8(ascii: "!")
        if negated { bytes.removeFirst() }
        text = String(decoding: bytes, as: UTF8.self)
        var steps: [Step] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "*"):
                let double = index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*")
                steps.append(Step(atom: .star(crossesSlash: double), count: .one))
                index += double ? 2 : 1
                continue
            case UInt8(ascii: "?"), UInt8(ascii: "+"):
                guard let last = steps.last, last.count == .one else { return nil }
                if case .star = last.atom { return nil }
                steps[steps.count - 1].count = byte == UInt8(ascii: "?") ? .optional : .oneOrMore
            case UInt8(ascii: "["):
                var ranges: [ClosedRange<UInt8>] = []
                var cursor = index + 1
                let negatedSet = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "!")
                if negatedSet { cursor += 1 }
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "]") {
                    let low = bytes[cursor]
                    if cursor + 2 < bytes.count, bytes[cursor + 1] == UInt8(ascii: "-"), bytes[cursor + 2] != UInt8(ascii: "]") {
                        let high = bytes[cursor + 2]
                        guard low <= high else { return nil }
                        ranges.append(low...high)
                        cursor += 3
                    } else {
                        ranges.append(low...low)
                        cursor += 1
                    }
                }
                guard cursor < bytes.count else { return nil }
                steps.append(Step(atom: .set(ranges, negated: negatedSet), count: .one))
                index = cursor
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                steps.append(Step(atom: .byte(bytes[index + 1]), count: .one))
                index += 1
            default:
                steps.append(Step(atom: .byte(byte), count: .one))
            }
            index += 1
        }
        self.steps = steps
    }

    public var description: String { (negated ? "!" : "") + text }

    /// The characters every match starts with (`py-v*` → `py-v`, `v[0-9]*` → `v`, `*-v*` → "").
    public var literalPrefix: String {
        var bytes: [UInt8] = []
        for step in steps {
            guard step.count == .one, case .byte(let byte) = step.atom else { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the whole of `name` matches the pattern (the `!` is not applied here).
    public func matches(_ name: String) -> Bool {
        // Positions are "before step i"; a set of them is advanced byte by byte.
        var current = closure(of: [0])
        for byte in name.utf8 {
            var next = Set<Int>()
            for position in current where position < steps.count {
                let step = steps[position]
                guard step.atom.accepts(byte) else { continue }
                switch (step.atom, step.count) {
                case (.star, _), (_, .oneOrMore):
                    next.insert(position)
                    next.insert(position + 1)
                default:
                    next.insert(position + 1)
                }
            }
            if next.isEmpty { return false }
            current = closure(of: next)
        }
        return current.contains(steps.count)
    }

    /// Adds the positions reachable without reading a byte: past a `*` or an optional step.
    private func closure(of positions: Set<Int>) -> Set<Int> {
        var result = positions
        var stack = Array(positions)
        while let position = stack.popLast() {
            guard position < steps.count else { continue }
            let step = steps[position]
            var skippable = step.count == .optional
            if case .star = step.atom { skippable = true }
            if skippable, result.insert(position + 1).inserted { stack.append(position + 1) }
        }
        return result
    }

    /// GitHub's rule for a list: patterns in order, a match of a pattern includes the name, a match of a
    /// `!pattern` excludes it again.
    public static func list(_ patterns: [RefPattern], matches name: String) -> Bool {
        var included = false
        for pattern in patterns where pattern.matches(name) { included = !pattern.negated }
        return included
    }
}
