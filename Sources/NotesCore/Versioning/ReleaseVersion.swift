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

    /// The version `text` writes when it is strict SemVer 2.0.0 (`isStrictSemVer`), built from its bytes.
    ///
    /// `Version(String)` splits by `Character` and cost about 26,000 instructions a tag (every tag name is
    /// parsed at least twice per command: 175M instructions for the 6,708 tags of the 1M bench repository).
    /// It also refuses build metadata with a hyphen when there is no pre-release (`1.2.3+build-5`: it takes
    /// the hyphen for the pre-release's start), which SemVer allows; this accepts it.
    static func strictSemVer(_ text: Substring) -> Version? {
        guard isStrictSemVer(text) else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            let all = bytes[...]
            let dot = UInt8(ascii: ".")
            let plus = all.firstIndex(of: UInt8(ascii: "+"))
            let core = all[..<(plus ?? all.endIndex)]
            let dash = core.firstIndex(of: UInt8(ascii: "-"))
            // Three numbers of at most 9 digits each (isStrictSemVer): no overflow.
            var numbers = (0, 0, 0)
            var component = 0
            for byte in core[..<(dash ?? core.endIndex)] {
                if byte == dot {
                    component += 1
                    continue
                }
                let digit = Int(byte &- UInt8(ascii: "0"))
                switch component {
                case 0: numbers.0 = numbers.0 * 10 + digit
                case 1: numbers.1 = numbers.1 * 10 + digit
                default: numbers.2 = numbers.2 * 10 + digit
                }
            }
            func identifiers(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> [String] {
                part.split(separator: dot).map { String(decoding: $0, as: UTF8.self) }
            }
            return Version(numbers.0, numbers.1, numbers.2,
                           pre: dash.map { identifiers(core[($0 + 1)...]) } ?? [],
                           build: plus.map { identifiers(all[($0 + 1)...]) } ?? [])
        }
    }

    /// SemVer 2.0.0 grammar check: `MAJOR.MINOR.PATCH[-pre][+build]`, no leading zeros in numbers.
    static func isStrictSemVer(_ text: Substring) -> Bool {
        // Every character SemVer allows is ASCII: decide on the bytes (every tag name is parsed, 6,708 of
        // them in the 1M bench repository, twice per command); `isStrictSemVerByCharacter` is the reference.
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return false }
            let isDigit = UTF8Scan.isDigit
            let isLetter = UTF8Scan.isLetter
            func identifiersAreValid(_ part: Slice<UnsafeBufferPointer<UInt8>>, numericMayHaveLeadingZero: Bool) -> Bool {
                part.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { identifier in
                    guard !identifier.isEmpty,
                          identifier.allSatisfy({ isDigit($0) || isLetter($0) || $0 == UInt8(ascii: "-") }) else { return false }
                    return numericMayHaveLeadingZero || !identifier.allSatisfy(isDigit) || identifier.count == 1
                        || identifier.first != UInt8(ascii: "0")
                }
            }
            let all = bytes[...]
            let plus = all.firstIndex(of: UInt8(ascii: "+"))
            let core = all[..<(plus ?? all.endIndex)]
            if let plus, !identifiersAreValid(all[(plus + 1)...], numericMayHaveLeadingZero: true) { return false }
            let dash = core.firstIndex(of: UInt8(ascii: "-"))
            if let dash, !identifiersAreValid(core[(dash + 1)...], numericMayHaveLeadingZero: false) { return false }
            let parts = core[..<(dash ?? core.endIndex)].split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
            guard parts.count == 3 else { return false }
            return parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy(isDigit) && (part.count == 1 || part.first != UInt8(ascii: "0"))
                    && part.count < 10
            }
        }
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
