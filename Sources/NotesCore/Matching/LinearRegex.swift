/// A regular expression that matches in time linear in its input: a Thompson NFA run as a Pike VM (Russ
/// Cox, "Regular Expression Matching: the Virtual Machine Approach"), for the patterns a repository's
/// notes.toml brings (`[[rule]]`, `[[skip]]`, `[tags] pattern`, a package's `tag_pattern`).
///
/// Foundation's `NSRegularExpression` and Swift's `Regex` backtrack: `(a+)+$` over 40 characters does not
/// finish, and a pull request controls notes.toml in CI. This matcher keeps at most one thread per
/// instruction at each input position, so a match costs at most `program size × (input length + 1)` steps
/// whatever the pattern, and the program size is bounded (`maximumProgramSize`).
///
/// The syntax is the part of ICU's (NSRegularExpression's) that needs no backtracking, with the same
/// meaning; everything else is refused when the pattern is compiled, with the character where it stopped.
/// `docs/configuration.md` ("Regular expressions") lists it:
/// - literals; `.`; `[...]` and `[^...]` with ranges and the escapes below; `^` `$` (line anchors with
///   `(?m)`), `\A` `\z` `\Z` `\b` `\B`;
/// - `\d \D \w \W \s \S`, `\p{L}`/`\P{L}` for Unicode general categories (one or two letters), `\t \n \r
///   \f \a \e`, `\xhh`, `\x{h…}`, `\uhhhh`, `\Uhhhhhhhh`, `\0ooo`, `\Q…\E`, a backslash before any other
///   character that is not a letter or a digit;
/// - groups `(…)`, `(?:…)`, `(?<name>…)`, comments `(?#…)`, flags `(?i)`, `(?m)`, `(?s)`, `(?-i)`,
///   `(?i:…)`;
/// - alternation `|`; `*` `+` `?` `{n}` `{n,}` `{n,m}` (counts up to 1000), each greedy or lazy (`*?`).
///
/// Refused: back-references (`\1`, `\k<n>`), look-around (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic groups and
/// possessive quantifiers (`(?>`, `*+`), `\G`, `\X`, `\R`, `(?x)`, nested sets and set operations in
/// classes (`[[a]]`, `[a&&b]`, `[a--b]`, `[:alpha:]`).
///
/// Which match is found is the same as with a backtracking engine (leftmost, then the first alternative
/// and the greedy or lazy choice, in priority order), so capture groups read the same, with one exception:
/// an iteration of `*`, `+` or `{n,}` that matches the empty string ends the loop, as in ICU (`(|aaa)+` on
/// `aaa` matches the empty string; `(a*)+b` on `aab` leaves group 1 empty), but after a non-empty iteration
/// the empty one ICU runs next is not run again at the same instructions, so a group keeps the text of the
/// last non-empty iteration (`(|a)*b` on `ab`: group 1 is `a`, ICU gives the empty string); the whole match
/// is the same. Case-insensitive matching folds one scalar to one scalar (`ß` does not match `SS`).
public struct LinearRegex: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let source: String
    /// The number of capture groups.
    public let groupCount: Int
    let program: [Instruction]
    let sets: [ScalarSet]
    /// The number of unbounded loops: their iteration-start slots follow the groups' slots.
    let loopCount: Int
    /// True when every match must start at the input's start (`^` without `(?m)`, or `\A`, in front).
    let anchoredAtStart: Bool
    /// True when the program has `\b` or `\B`: the matcher then classifies the input's word characters.
    let usesWordBoundaries: Bool

    /// The largest program a pattern may compile to, in instructions: the bound on the work per input
    /// character. Counted repetitions (`(a|b){500}`) multiply their body; real patterns use tens.
    public static let maximumProgramSize = 5_000
    /// The deepest nesting of groups accepted.
    public static let maximumNesting = 100
    /// The largest count in `{n,m}`.
    public static let maximumCount = 1_000
    /// The most capture groups, and the most unbounded repetitions (`*`, `+`, `{n,}`): each is a slot every
    /// thread carries, so together they bound the cost of one step (a 4 KiB pattern of 2,040 `()` took
    /// 0.8 s and 277 MB per 72-character subject before).
    public static let maximumGroups = 100

    /// Why a pattern cannot be compiled: the message names what and where (a character offset from 1).
    public struct SyntaxError: Error, Sendable, CustomStringConvertible {
        /// The problem, for example `back-references (\1) are not supported: they need backtracking`.
        public var message: String
        /// The 1-based position (in Unicode scalars) in the pattern where it was found.
        public var position: Int
        /// `message` with the position: `at character 4: …`.
        public var description: String { "at character \(position): \(message)" }
    }

    /// Compiles `pattern`; throws ``SyntaxError`` for syntax outside the supported set or a program larger
    /// than `maximumProgramSize`.
    public init(_ pattern: String) throws(SyntaxError) {
        source = pattern
        var parser = RegexParser(Array(pattern.unicodeScalars))
        let node = try parser.parse()
        var compiler = RegexCompiler()
        try compiler.compile(node, position: parser.scalars.count)
        program = compiler.program
        sets = compiler.sets
        loopCount = compiler.loopCount
        groupCount = parser.groupCount
        anchoredAtStart = node.isAnchoredAtStart
        usesWordBoundaries = program.contains {
            if case .assertion(let kind) = $0 { return kind == .wordBoundary || kind == .notWordBoundary }
            return false
        }
    }

    /// The pattern as written.
    public var description: String { source }

    public static func == (lhs: LinearRegex, rhs: LinearRegex) -> Bool { lhs.source == rhs.source }
    public func hash(into hasher: inout Hasher) { hasher.combine(source) }
}

// MARK: - The syntax tree

/// A built-in class: `\d`, `\w`, `\s`, `\p{..}`.
enum ScalarClass: Hashable, Sendable {
    case digit, word, space
    case category([Unicode.GeneralCategory])

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        switch self {
        case .digit: return scalar.properties.numericType == .decimal
        case .word: return ScalarClass.isWord(scalar)
        case .space: return scalar.properties.isWhitespace
        case .category(let categories): return categories.contains(scalar.properties.generalCategory)
        }
    }

    /// ICU's `\w` and `\b` word characters: alphabetic, marks, decimal digits, connector punctuation, ZWNJ, ZWJ.
    static func isWord(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
                || value == 0x5F
        }
        if scalar.value == 0x200C || scalar.value == 0x200D { return true }
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }
}

/// A set of scalars: a bracket class, `.`, or a built-in class.
struct ScalarSet: Hashable, Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var classes: [(ScalarClass, negated: Bool)] = []
    var negated = false
    var caseInsensitive = false

    static func == (lhs: ScalarSet, rhs: ScalarSet) -> Bool {
        lhs.ranges == rhs.ranges && lhs.negated == rhs.negated && lhs.caseInsensitive == rhs.caseInsensitive
            && lhs.classes.map(\.0) == rhs.classes.map(\.0) && lhs.classes.map(\.negated) == rhs.classes.map(\.negated)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(ranges.count)
        hasher.combine(negated)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = containsExactly(scalar)
        if !found && caseInsensitive {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x41 && value <= 0x5A { found = containsExactly(Unicode.Scalar(value + 32)!) }
                if value >= 0x61 && value <= 0x7A { found = containsExactly(Unicode.Scalar(value - 32)!) }
            } else {
                for variant in RegexCase.variants(of: scalar) where variant != scalar && containsExactly(variant) {
                    found = true
                    break
                }
            }
        }
        return found != negated
    }

    private func containsExactly(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        for range in ranges where range.contains(value) { return true }
        for (builtin, negated) in classes where builtin.contains(scalar) != negated { return true }
        return false
    }
}

/// Simple case folding, one scalar to one scalar, as case-insensitive matching compares them.
enum RegexCase {
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar.isASCII {
            let value = scalar.value
            return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(value + 32)! : scalar
        }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        if lower.count == 1, let first = lower.first { return first }
        return scalar
    }

    /// The scalar, its lowercase, uppercase and titlecase forms (those of one scalar).
    static func variants(of scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        var result = [scalar]
        for mapping in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping,
                        scalar.properties.titlecaseMapping] {
            let scalars = mapping.unicodeScalars
            if scalars.count == 1, let only = scalars.first, !result.contains(only) { result.append(only) }
        }
        return result
    }
}

/// A zero-width condition.
enum RegexAssertion: Hashable, Sendable {
    case inputStart, inputEnd, inputEndBeforeFinalTerminator, lineStart, lineEnd, wordBoundary, notWordBoundary
}

indirect enum RegexNode: Sendable {
    case empty
    case scalar(Unicode.Scalar, caseInsensitive: Bool)
    case set(ScalarSet)
    case any(dotAll: Bool)
    case assertion(RegexAssertion)
    case group(RegexNode, capture: Int?)
    case concatenation([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)

    /// True when every match of the node starts at the input's start.
    var isAnchoredAtStart: Bool {
        switch self {
        case .assertion(.inputStart): return true
        case .group(let node, _): return node.isAnchoredAtStart
        case .concatenation(let nodes): return nodes.first?.isAnchoredAtStart ?? false
        case .alternation(let nodes): return !nodes.isEmpty && nodes.allSatisfy(\.isAnchoredAtStart)
        default: return false
        }
    }
}

// MARK: - The parser

struct RegexParser {
    let scalars: [Unicode.Scalar]
    var index = 0
    var groupCount = 0
    var depth = 0

    struct Flags {
        var caseInsensitive = false
        var multiline = false
        var dotAll = false
    }

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func error(_ message: String, at position: Int? = nil) -> LinearRegex.SyntaxError {
        LinearRegex.SyntaxError(message: message, position: (position ?? index) + 1)
    }

    var atEnd: Bool { index >= scalars.count }
    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

    mutating func parse() throws(LinearRegex.SyntaxError) -> RegexNode {
        var flags = Flags()
        let node = try parseAlternation(&flags)
        if let current, current == ")" { throw error("unmatched ')': no group is open; write \\) for the character") }
        return node
    }

    mutating func parseAlternation(_ flags: inout Flags) throws(LinearRegex.SyntaxError) -> RegexNode {
        var alternatives = [try parseConcatenation(&flags)]
        while current == "|" {
            index += 1
            alternatives.append(try parseConcatenation(&flags))
        }
        return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
    }

    mutating func parseConcatenation(_ flags: inout Flags) throws(LinearRegex.SyntaxError) -> RegexNode {
        var items: [RegexNode] = []
        while let scalar = current, scalar != "|", scalar != ")" {
            let start = index
            guard var atom = try parseAtom(&flags) else { continue }
            if case .concatenation(let literal) = atom, let last = literal.last {
                // \Q…\E: a quantifier after it repeats its last character, as in ICU.
                items += literal.dropLast()
                atom = last
            }
            items.append(try parseQuantifiers(atom, start: start))
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concatenation(items))
    }

    /// Reads `*`, `+`, `?`, `{n,m}` after an atom, with a lazy `?`; a second quantifier is an error.
    mutating func parseQuantifiers(_ atom: RegexNode, start: Int) throws(LinearRegex.SyntaxError) -> RegexNode {
        guard let (min, max) = try parseQuantifier() else { return atom }
        var greedy = true
        if current == "?" {
            greedy = false
            index += 1
        } else if current == "+" {
            throw error("possessive quantifiers (*+, ++, ?+) are not supported: they need backtracking")
        }
        if let scalar = current, scalar == "*" || scalar == "+" || scalar == "?" || (scalar == "{" && isInterval()) {
            throw error("a quantifier follows a quantifier; put the first in a group: (?:a*)*")
        }
        return .repetition(atom, min: min, max: max, greedy: greedy)
    }

    /// True when a `{` at the current index starts `{n}`, `{n,}` or `{n,m}`.
    func isInterval() -> Bool {
        var offset = 1
        var digits = 0
        while let scalar = peek(offset), scalar.properties.numericType == .decimal, scalar.isASCII { offset += 1; digits += 1 }
        guard digits > 0 else { return false }
        if peek(offset) == "}" { return true }
        guard peek(offset) == "," else { return false }
        offset += 1
        while let scalar = peek(offset), scalar.isASCII, scalar.properties.numericType == .decimal { offset += 1 }
        return peek(offset) == "}"
    }

    mutating func parseQuantifier() throws(LinearRegex.SyntaxError) -> (Int, Int?)? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "*": index += 1; return (0, nil)
        case "+": index += 1; return (1, nil)
        case "?": index += 1; return (0, 1)
        case "{":
            guard isInterval() else {
                throw error("'{' starts no repetition count {n}, {n,} or {n,m}; write \\{ for the character")
            }
            let open = index
            index += 1
            let min = try parseCount(open)
            var max: Int? = min
            if current == "," {
                index += 1
                max = current == "}" ? nil : try parseCount(open)
            }
            index += 1  // "}"
            if let max, max < min { throw error("repetition {\(min),\(max)}: the maximum is below the minimum", at: open) }
            return (min, max)
        default: return nil
        }
    }

    mutating func parseCount(_ open: Int) throws(LinearRegex.SyntaxError) -> Int {
        var value = 0
        while let scalar = current, scalar.isASCII, scalar.properties.numericType == .decimal {
            value = value * 10 + Int(scalar.value - 0x30)
            if value > LinearRegex.maximumCount {
                throw error("a repetition count above \(LinearRegex.maximumCount) is not supported", at: open)
            }
            index += 1
        }
        return value
    }

    /// One atom; nil for what matches nothing and takes no quantifier (`(?i)`, `(?#…)`, an empty `\Q\E`).
    mutating func parseAtom(_ flags: inout Flags) throws(LinearRegex.SyntaxError) -> RegexNode? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "(":
            return try parseGroup(&flags)
        case "[":
            return .set(try parseClass(flags))
        case ".":
            index += 1
            return .any(dotAll: flags.dotAll)
        case "^":
            index += 1
            return .assertion(flags.multiline ? .lineStart : .inputStart)
        case "$":
            index += 1
            return .assertion(flags.multiline ? .lineEnd : .inputEndBeforeFinalTerminator)
        case "*", "+", "?":
            throw error("'\(scalar)' has nothing to repeat; write \\\(scalar) for the character")
        case "{":
            if isInterval() { throw error("a repetition count has nothing to repeat; write \\{ for the character") }
            throw error("'{' starts no repetition count {n}, {n,} or {n,m}; write \\{ for the character")
        case "\\":
            return try parseEscape(flags)
        default:
            index += 1
            return .scalar(scalar, caseInsensitive: flags.caseInsensitive)
        }
    }

    mutating func parseGroup(_ flags: inout Flags) throws(LinearRegex.SyntaxError) -> RegexNode? {
        let open = index
        index += 1
        var capture: Int?
        var inner = flags
        if current == "?" {
            index += 1
            switch current {
            case ":":
                index += 1
            case "#":
                while let scalar = current, scalar != ")" { index += 1 }
                guard current == ")" else { throw error("the comment (?#… is not closed", at: open) }
                index += 1
                return nil
            case "=", "!":
                throw error("look-ahead (?= and (?! is not supported: it needs backtracking", at: open)
            case ">":
                throw error("atomic groups (?> are not supported: they need backtracking", at: open)
            case "<":
                if peek(1) == "=" || peek(1) == "!" {
                    throw error("look-behind (?<= and (?<! is not supported: it needs backtracking", at: open)
                }
                index += 1
                var name = 0
                while let scalar = current, scalar != ">" {
                    guard scalar.isASCII, scalar.properties.isAlphabetic || (name > 0 && scalar.properties.numericType == .decimal) else {
                        throw error("a group name has letters and digits and starts with a letter: (?<name>…)")
                    }
                    name += 1
                    index += 1
                }
                guard current == ">", name > 0 else { throw error("a named group needs a name and '>': (?<name>…)", at: open) }
                index += 1
                groupCount += 1
                capture = groupCount
            default:
                // Flags: (?i) (?-i) (?im-s) (?i:…)
                var on = true
                var seen = false
                while let scalar = current, scalar != ")" && scalar != ":" {
                    switch scalar {
                    case "i": inner.caseInsensitive = on
                    case "m": inner.multiline = on
                    case "s": inner.dotAll = on
                    case "-":
                        guard on else { throw error("a flag group has one '-'") }
                        on = false
                    case "x": throw error("the flag x (free spacing) is not supported")
                    default:
                        throw error("'(?\(scalar)' is not supported; groups are (…), (?:…), (?<name>…), (?#…) and the flags i, m, s: (?i), (?i:…)")
                    }
                    seen = true
                    index += 1
                }
                guard seen, let end = current else { throw error("the group ( is not closed", at: open) }
                index += 1
                if end == ")" {
                    flags = inner  // (?i): for the rest of the enclosing group
                    return nil
                }
                return try parseGroupBody(open: open, capture: nil, flags: &inner)
            }
        } else {
            groupCount += 1
            capture = groupCount
        }
        if capture != nil, groupCount > LinearRegex.maximumGroups {
            throw error("more than \(LinearRegex.maximumGroups) capture groups; write (?:…) for a group that captures nothing", at: open)
        }
        return try parseGroupBody(open: open, capture: capture, flags: &inner)
    }

    mutating func parseGroupBody(open: Int, capture: Int?, flags: inout Flags) throws(LinearRegex.SyntaxError) -> RegexNode {
        depth += 1
        if depth > LinearRegex.maximumNesting {
            throw error("groups nested more than \(LinearRegex.maximumNesting) deep", at: open)
        }
        let body = try parseAlternation(&flags)
        depth -= 1
        guard current == ")" else { throw error("the group ( is not closed", at: open) }
        index += 1
        return .group(body, capture: capture)
    }

    // MARK: Escapes

    mutating func parseEscape(_ flags: Flags) throws(LinearRegex.SyntaxError) -> RegexNode? {
        let start = index
        index += 1
        guard let scalar = current else { throw error("the pattern ends with a lone backslash", at: start) }
        switch scalar {
        case "b": index += 1; return .assertion(.wordBoundary)
        case "B": index += 1; return .assertion(.notWordBoundary)
        case "A": index += 1; return .assertion(.inputStart)
        case "z": index += 1; return .assertion(.inputEnd)
        case "Z": index += 1; return .assertion(.inputEndBeforeFinalTerminator)
        case "Q":
            index += 1
            var literal: [RegexNode] = []
            while let scalar = current {
                if scalar == "\\" && peek(1) == "E" { index += 2; return literal.isEmpty ? nil : .concatenation(literal) }
                literal.append(.scalar(scalar, caseInsensitive: flags.caseInsensitive))
                index += 1
            }
            return literal.isEmpty ? nil : .concatenation(literal)
        case "E":
            // ICU reads a lone \E as the letter E, other engines as nothing (found by fuzzing): refused.
            throw error("\\E without \\Q: write E, or quote with \\Q…\\E", at: start)
        default:
            if let item = try parseClassEscape(start: start) {
                switch item {
                case .scalar(let value): return .scalar(value, caseInsensitive: flags.caseInsensitive)
                case .builtin(let builtin, let negated):
                    var set = ScalarSet()
                    set.classes = [(builtin, negated)]
                    set.caseInsensitive = flags.caseInsensitive
                    return .set(set)
                }
            }
            throw error("unsupported escape \\\(scalar)", at: start)
        }
    }

    enum ClassItem {
        case scalar(Unicode.Scalar)
        case builtin(ScalarClass, negated: Bool)
    }

    /// An escape valid both inside and outside brackets; `index` is past the backslash.
    mutating func parseClassEscape(start: Int) throws(LinearRegex.SyntaxError) -> ClassItem? {
        guard let scalar = current else { throw error("the pattern ends with a lone backslash", at: start) }
        index += 1
        switch scalar {
        case "d": return .builtin(.digit, negated: false)
        case "D": return .builtin(.digit, negated: true)
        case "w": return .builtin(.word, negated: false)
        case "W": return .builtin(.word, negated: true)
        case "s": return .builtin(.space, negated: false)
        case "S": return .builtin(.space, negated: true)
        case "p", "P": return .builtin(.category(try parseCategory(start: start)), negated: scalar == "P")
        case "t": return .scalar("\t")
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "f": return .scalar("\u{0C}")
        case "a": return .scalar("\u{07}")
        case "e": return .scalar("\u{1B}")
        case "x":
            if current == "{" {
                index += 1
                let value = try parseHex(start: start, min: 1, max: 8, until: "}")
                return .scalar(value)
            }
            return .scalar(try parseHex(start: start, min: 2, max: 2, until: nil))
        case "u": return .scalar(try parseHex(start: start, min: 4, max: 4, until: nil))
        case "U": return .scalar(try parseHex(start: start, min: 8, max: 8, until: nil))
        case "0":
            var value: UInt32 = 0
            var digits = 0
            while digits < 3, let digit = current, digit.value >= 0x30 && digit.value <= 0x37 {
                value = value * 8 + digit.value - 0x30
                digits += 1
                index += 1
            }
            return .scalar(Unicode.Scalar(value)!)
        case "1", "2", "3", "4", "5", "6", "7", "8", "9", "k":
            throw error("back-references (\\\(scalar)) are not supported: they need backtracking", at: start)
        case "G", "X", "R", "N", "h", "H", "v", "V", "c":
            throw error("the escape \\\(scalar) is not supported", at: start)
        default:
            if scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                throw error("unknown escape \\\(scalar)", at: start)
            }
            return .scalar(scalar)
        }
    }

    mutating func parseHex(start: Int, min: Int, max: Int, until terminator: Unicode.Scalar?) throws(LinearRegex.SyntaxError) -> Unicode.Scalar {
        var value: UInt32 = 0
        var digits = 0
        while digits < max, let scalar = current, let digit = Self.hexValue(scalar) {
            value = value * 16 + digit
            digits += 1
            index += 1
        }
        if let terminator {
            guard current == terminator else { throw error("a hexadecimal escape \\x{…} is not closed", at: start) }
            index += 1
        }
        guard digits >= min, let result = Unicode.Scalar(value) else {
            throw error("a hexadecimal escape needs \(min == max ? "\(min)" : "1 to \(max)") hexadecimal digits and a valid code point", at: start)
        }
        return result
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// `\p{Lu}`, `\pL`: a general category of one or two letters.
    mutating func parseCategory(start: Int) throws(LinearRegex.SyntaxError) -> [Unicode.GeneralCategory] {
        var name = ""
        if current == "{" {
            index += 1
            while let scalar = current, scalar != "}" {
                name.unicodeScalars.append(scalar)
                index += 1
            }
            guard current == "}" else { throw error("\\p{ is not closed", at: start) }
            index += 1
        } else if let scalar = current {
            name.unicodeScalars.append(scalar)
            index += 1
        }
        guard let categories = Self.categories[name] else {
            throw error("\\p{\(name)} is not supported: use a general category such as L, Lu, Ll, N, Nd, P, S, Z", at: start)
        }
        return categories
    }

    static let categories: [String: [Unicode.GeneralCategory]] = {
        let all: [(String, Unicode.GeneralCategory)] = [
            ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter), ("Lm", .modifierLetter),
            ("Lo", .otherLetter), ("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark),
            ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber), ("Pc", .connectorPunctuation),
            ("Pd", .dashPunctuation), ("Ps", .openPunctuation), ("Pe", .closePunctuation), ("Pi", .initialPunctuation),
            ("Pf", .finalPunctuation), ("Po", .otherPunctuation), ("Sm", .mathSymbol), ("Sc", .currencySymbol),
            ("Sk", .modifierSymbol), ("So", .otherSymbol), ("Zs", .spaceSeparator), ("Zl", .lineSeparator),
            ("Zp", .paragraphSeparator), ("Cc", .control), ("Cf", .format), ("Cs", .surrogate),
            ("Co", .privateUse), ("Cn", .unassigned),
        ]
        var table: [String: [Unicode.GeneralCategory]] = [:]
        for (name, category) in all {
            table[name] = [category]
            table[String(name.prefix(1)), default: []].append(category)
        }
        return table
    }()

    // MARK: Bracket classes

    mutating func parseClass(_ flags: Flags) throws(LinearRegex.SyntaxError) -> ScalarSet {
        let open = index
        index += 1
        var set = ScalarSet()
        set.caseInsensitive = flags.caseInsensitive
        if current == "^" {
            set.negated = true
            index += 1
        }
        if current == ":" { throw error("POSIX classes ([:alpha:]) are not supported; use \\p{L}, \\d, \\s, \\w", at: open) }
        if current == "]" { throw error("']' first in a class: write \\] for the character", at: index) }
        var first = true
        while true {
            guard let scalar = current else { throw error("the class [ is not closed", at: open) }
            if scalar == "]" { index += 1; break }
            if scalar == "[" { throw error("nested classes and set operations are not supported in [...]; write \\[ for the character") }
            if (scalar == "&" && peek(1) == "&") || (scalar == "-" && peek(1) == "-") {
                throw error("set operations (&&, --) are not supported in [...]; escape the character: \\\(scalar)")
            }
            let itemStart = index
            let item = try parseClassAtom()
            if case .scalar(let low) = item, current == "-", let next = peek(1), next != "]" {
                index += 1
                let rangeEnd = try parseClassAtom()
                guard case .scalar(let high) = rangeEnd else {
                    throw error("a class escape cannot end a range", at: itemStart)
                }
                guard low.value <= high.value else { throw error("the range \(low)-\(high) is reversed", at: itemStart) }
                set.ranges.append(low.value...high.value)
            } else {
                switch item {
                case .scalar(let value):
                    if value == "-" && scalars[itemStart] == "-" && !first && current != "]" {
                        throw error("a class escape cannot start a range; write \\- for the character", at: itemStart)
                    }
                    set.ranges.append(value.value...value.value)
                case .builtin(let builtin, let negated):
                    if current == "-", let next = peek(1), next != "]" {
                        throw error("a class escape cannot start a range; write \\- for the character", at: itemStart)
                    }
                    set.classes.append((builtin, negated))
                }
            }
            first = false
        }
        return set
    }

    mutating func parseClassAtom() throws(LinearRegex.SyntaxError) -> ClassItem {
        guard let scalar = current else { throw error("the class [ is not closed") }
        if scalar == "\\" {
            let start = index
            index += 1
            guard let next = current else { throw error("the pattern ends with a lone backslash", at: start) }
            if next == "b" || next == "B" || next == "A" || next == "z" || next == "Z" || next == "Q" || next == "E" {
                throw error("the escape \\\(next) is not supported inside [...]", at: start)
            }
            guard let item = try parseClassEscape(start: start) else { throw error("unsupported escape", at: start) }
            return item
        }
        index += 1
        return .scalar(scalar)
    }
}

// MARK: - The program

enum Instruction: Hashable, Sendable {
    case scalar(Unicode.Scalar)
    case folded(Unicode.Scalar)
    case set(Int)
    case any
    case anyButTerminator
    case split(Int, Int)
    case jump(Int)
    case save(Int)
    case assertion(RegexAssertion)
    /// Records the position where an iteration of the unbounded loop `loop` starts (a slot after the groups').
    case mark(loop: Int)
    /// The end of an iteration of `loop`: back to `start` for another, unless the iteration matched the empty
    /// string, which ends the loop (`exit`), as a backtracking engine does.
    case loopBack(loop: Int, start: Int, exit: Int)
    case match
}

struct RegexCompiler {
    var program: [Instruction] = []
    var sets: [ScalarSet] = []
    /// The unbounded loops (`*`, `+`, `{n,}`), each with a slot for where its iteration started.
    var loopCount = 0
    private var position = 0

    mutating func compile(_ node: RegexNode, position: Int) throws(LinearRegex.SyntaxError) {
        self.position = position
        try emit(.save(0))
        try emitNode(node)
        try emit(.save(1))
        try emit(.match)
    }

    private mutating func emit(_ instruction: Instruction) throws(LinearRegex.SyntaxError) {
        guard program.count < LinearRegex.maximumProgramSize else {
            throw LinearRegex.SyntaxError(
                message: "the pattern is too large: it compiles to more than \(LinearRegex.maximumProgramSize) "
                    + "instructions (repetition counts multiply what they repeat)", position: position)
        }
        program.append(instruction)
    }

    private mutating func emitNode(_ node: RegexNode) throws(LinearRegex.SyntaxError) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar, let caseInsensitive):
            if caseInsensitive && RegexCase.variants(of: scalar).count > 1 {
                try emit(.folded(RegexCase.fold(scalar)))
            } else {
                try emit(.scalar(scalar))
            }
        case .set(let set):
            sets.append(set)
            try emit(.set(sets.count - 1))
        case .any(let dotAll):
            try emit(dotAll ? .any : .anyButTerminator)
        case .assertion(let assertion):
            try emit(.assertion(assertion))
        case .group(let inner, let capture):
            if let capture { try emit(.save(2 * capture)) }
            try emitNode(inner)
            if let capture { try emit(.save(2 * capture + 1)) }
        case .concatenation(let nodes):
            for node in nodes { try emitNode(node) }
        case .alternation(let nodes):
            // split L1, next; L1: a; jump end; next: split L2, next2; ... last: z; end:
            var jumps: [Int] = []
            for (index, node) in nodes.enumerated() {
                if index < nodes.count - 1 {
                    let split = program.count
                    try emit(.split(split + 1, 0))
                    try emitNode(node)
                    jumps.append(program.count)
                    try emit(.jump(0))
                    program[split] = .split(split + 1, program.count)
                } else {
                    try emitNode(node)
                }
            }
            for jump in jumps { program[jump] = .jump(program.count) }
        case .repetition(let inner, let min, let max, let greedy):
            for _ in 0..<min { try emitNode(inner) }
            if let max {
                // (x(x(x)?)?)?: each optional copy skips to the end.
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(program.count)
                    try emit(.split(0, 0))
                    try emitNode(inner)
                }
                for split in splits {
                    program[split] = greedy ? .split(split + 1, program.count) : .split(program.count, split + 1)
                }
            } else {
                // x{n,} is n copies, then x*. An iteration that matches the empty string ends the loop (the
                // thread goes on after it, as ICU's does) instead of dying on the loop's own split.
                let index = loopCount
                loopCount += 1
                guard loopCount <= LinearRegex.maximumGroups else {
                    throw LinearRegex.SyntaxError(
                        message: "more than \(LinearRegex.maximumGroups) unbounded repetitions (*, +, {n,})", position: position)
                }
                let loop = program.count
                try emit(.split(0, 0))
                try emit(.mark(loop: index))
                try emitNode(inner)
                let back = program.count
                try emit(.loopBack(loop: index, start: loop, exit: 0))
                program[back] = .loopBack(loop: index, start: loop, exit: program.count)
                program[loop] = greedy ? .split(loop + 1, program.count) : .split(program.count, loop + 1)
            }
        }
    }
}
