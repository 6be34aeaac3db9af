import Version

/// A semantic version as written in a tag or on the command line, with the prefix it carried.
///
/// Accepted forms: `1.2.3`, `v1.2.3`, `V1.2.3`, `1.2.3-rc.1`, `v1.2.3-rc.1+build.5`, and any of
/// these after a tag prefix (`barter-python-v1.2.3` with prefix `barter-python-v`).
/// Leading zeros, missing components (`1.2`) and empty identifiers are rejected, as SemVer 2.0.0 says.
public struct ReleaseVersion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The parsed semantic version.
    public let version: Version
    /// The text before the version: `v`, `barter-python-v`, or empty.
    public let prefix: String

    /// Parses `text` as `prefix` + semantic version. With `prefix` nil, an optional `v`/`V` is accepted.
    public init?(_ text: String, prefix: String? = nil) {
        var rest = Substring(text)
        var usedPrefix = ""
        if let prefix {
            guard rest.hasPrefix(prefix) else { return nil }
            rest = rest.dropFirst(prefix.count)
            usedPrefix = prefix
        } else if let first = rest.first, first == "v" || first == "V" {
            rest = rest.dropFirst()
            usedPrefix = String(first)
        }
        guard let version = ReleaseVersion.strictSemVer(rest) else { return nil }
        self.version = version
        self.prefix = usedPrefix
    }

    /// Makes a version from parts.
    public init(version: Version, prefix: String = "") {
        self.version = version
        self.prefix = prefix
    }

    /// True for versions with pre-release identifiers (`1.2.3-rc.1`).
    public var isPrerelease: Bool { !version.prereleaseIdentifiers.isEmpty }

    /// The version without its prefix: `1.2.3-rc.1`.
    public var bare: String { version.description }

    /// The version with its prefix, as it was written: `v1.2.3`.
    public var description: String { prefix + version.description }

    public static func < (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool { lhs.version < rhs.version }
    public static func == (lhs: ReleaseVersion, rhs: ReleaseVersion) -> Bool {
        lhs.version == rhs.version && lhs.prefix == rhs.prefix
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(version.description)
        hasher.combine(prefix)
    }

    /// The version `text` writes when it is strict SemVer 2.0.0 (`MAJOR.MINOR.PATCH[-pre][+build]`, no
    /// leading zeros in numbers, no empty identifier), checked and read in one pass over its bytes.
    ///
    /// Every tag name is parsed at least twice per command (6,708 of them in the 1M bench repository).
    /// `Version(String)` splits by `Character` and cost about 26,000 instructions a tag; a grammar check by
    /// slices before it, 1,100 more. It also refuses build metadata with a hyphen when there is no
    /// pre-release (`1.2.3+build-5`: it takes the hyphen for the pre-release's start), which SemVer allows;
    /// this accepts it. Numbers have at most 9 digits (they fit any `Int`).
    static func strictSemVer(_ text: Substring) -> Version? {
        var text = text
        return text.withUTF8 { bytes -> Version? in
            let count = bytes.count
            var index = 0
            func number() -> Int? {
                let start = index
                var value = 0
                // Digits past the ninth are scanned but not added: a 23-digit number is not a version
                // here (it does not fit the `Int` that `Version` stores), never an overflow trap.
                while index < count, UTF8Scan.isDigit(bytes[index]) {
                    if index - start < 9 { value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0")) }
                    index += 1
                }
                let length = index - start
                guard length > 0, length < 10, length == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
                return value
            }
            func dot() -> Bool {
                guard index < count, bytes[index] == UInt8(ascii: ".") else { return false }
                index += 1
                return true
            }
            // Dot-separated identifiers of [0-9A-Za-z-], none empty; numeric ones without leading zeros unless
            // `leadingZeros`. Stops at the first byte that is neither (checked by the caller).
            func identifiers(leadingZeros: Bool) -> [String]? {
                var result = [String]()
                repeat {
                    let start = index
                    var numeric = true
                    while index < count, UTF8Scan.isToken(bytes[index]) {
                        if !UTF8Scan.isDigit(bytes[index]) { numeric = false }
                        index += 1
                    }
                    let length = index - start
                    guard length > 0 else { return nil }
                    if numeric, !leadingZeros, length > 1, bytes[start] == UInt8(ascii: "0") { return nil }
                    result.append(String(decoding: bytes[start..<index], as: UTF8.self))
                } while dot()
                return result
            }
            guard let major = number(), dot(), let minor = number(), dot(), let patch = number() else { return nil }
            var pre: [String] = [], build: [String] = []
            if index < count, bytes[index] == UInt8(ascii: "-") {
                index += 1
                guard let identifiers = identifiers(leadingZeros: false) else { return nil }
                pre = identifiers
            }
            if index < count, bytes[index] == UInt8(ascii: "+") {
                index += 1
                guard let identifiers = identifiers(leadingZeros: true) else { return nil }
                build = identifiers
            }
            guard index == count else { return nil }
            return Version(major, minor, patch, pre: pre, build: build)
        }
    }

    /// SemVer 2.0.0 grammar check (`strictSemVer` is not nil); `isStrictSemVerByCharacter` is its reference.
    static func isStrictSemVer(_ text: Substring) -> Bool {
        strictSemVer(text) != nil
    }

    /// `isStrictSemVer` by `Character`, as it was written first: the reference its byte version is tested against.
    static func isStrictSemVerByCharacter(_ text: Substring) -> Bool {
        let plus = text.firstIndex(of: "+")
        let core = text[..<(plus ?? text.endIndex)]
        if let plus {
            let build = text[text.index(after: plus)...]
            guard identifiersAreValid(build, numericMayHaveLeadingZero: true) else { return false }
        }
        let dash = core.firstIndex(of: "-")
        let numbers = core[..<(dash ?? core.endIndex)]
        if let dash {
            guard identifiersAreValid(core[core.index(after: dash)...], numericMayHaveLeadingZero: false) else {
                return false
            }
        }
        let parts = numbers.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy(\.isASCIIDigit) && (part == "0" || part.first != "0") && part.count < 10
        }
    }

    private static func identifiersAreValid(_ text: Substring, numericMayHaveLeadingZero: Bool) -> Bool {
        let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !identifiers.isEmpty else { return false }
        return identifiers.allSatisfy { identifier in
            guard !identifier.isEmpty,
                  identifier.allSatisfy({ $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }) else { return false }
            if !numericMayHaveLeadingZero, identifier.allSatisfy(\.isASCIIDigit), identifier.count > 1,
               identifier.first == "0" {
                return false
            }
            return true
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
    var isASCIILetter: Bool { isASCII && isLetter }
}
