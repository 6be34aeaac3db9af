import Testing
@testable import NotesCore

/// Tests of NextVersion.
@Suite struct NextVersionTests {}

/// One row of the next-version table.
struct NextVersionCase: CustomTestStringConvertible, Sendable {
    var current: String?
    var change: Change
    var rules = BumpRules()
    var pre: String?
    var to: String?
    var expected: Expected

    enum Change: Sendable { case none, fix, feature, breaking }
    enum Expected: Sendable {
        case version(String)
        case error(NotesError.ExitCode, String)
    }

    var testDescription: String {
        "\(current ?? "none") + \(change)\(pre.map { " --pre \($0)" } ?? "")\(to.map { " --to \($0)" } ?? "")"
            + " [\(rules.breakingBelowOneBumpsMinor ? "B" : "b")\(rules.featureBelowOneBumpsPatch ? "F" : "f")]"
    }
}

private let strict = BumpRules(breakingBelowOneBumpsMinor: false, featureBelowOneBumpsPatch: false)

private let nextVersionCases: [NextVersionCase] = [
    // Stable, 1.x and above.
    .init(current: "1.2.3", change: .fix, expected: .version("1.2.4")),
    .init(current: "1.2.3", change: .feature, expected: .version("1.3.0")),
    .init(current: "1.2.3", change: .breaking, expected: .version("2.0.0")),
    .init(current: "v1.2.3", change: .feature, expected: .version("v1.3.0")),
    .init(current: "barter-python-v1.2.3", change: .fix, expected: .version("barter-python-v1.2.4")),
    .init(current: "1.2.3+build.7", change: .fix, expected: .version("1.2.4")),
    .init(current: "1.2.3", change: .breaking, rules: strict, expected: .version("2.0.0")),
    // Stable, 0.x, rules on (default) and off.
    .init(current: "0.9.0", change: .breaking, expected: .version("0.10.0")),
    .init(current: "0.9.0", change: .breaking, rules: strict, expected: .version("1.0.0")),
    .init(current: "0.1.0", change: .feature, expected: .version("0.1.1")),
    .init(current: "0.1.0", change: .feature, rules: strict, expected: .version("0.2.0")),
    .init(current: "0.1.0", change: .fix, rules: strict, expected: .version("0.1.1")),
    .init(current: "0.1.0", change: .breaking,
          rules: BumpRules(breakingBelowOneBumpsMinor: false, featureBelowOneBumpsPatch: true),
          expected: .version("1.0.0")),
    .init(current: "0.1.0", change: .feature,
          rules: BumpRules(breakingBelowOneBumpsMinor: false, featureBelowOneBumpsPatch: true),
          expected: .version("0.1.1")),
    .init(current: "0.0.3", change: .feature, expected: .version("0.0.4")),
    // No previous release.
    .init(current: nil, change: .fix, expected: .version("0.1.0")),
    .init(current: nil, change: .breaking, expected: .version("0.1.0")),
    .init(current: nil, change: .feature, pre: "rc", expected: .version("0.1.0-rc.1")),
    .init(current: nil, change: .none, expected: .error(.nothingToDo, "no commits to release")),
    .init(current: nil, change: .none, to: "1.0.0", expected: .version("1.0.0")),
    .init(current: nil, change: .fix, to: "v2.0.0", expected: .version("v2.0.0")),
    // Starting a pre-release series.
    .init(current: "1.2.0", change: .feature, pre: "rc", expected: .version("1.3.0-rc.1")),
    .init(current: "v1.2.0", change: .fix, pre: "beta", expected: .version("v1.2.1-beta.1")),
    .init(current: "1.2.0", change: .breaking, pre: "rc", expected: .version("2.0.0-rc.1")),
    .init(current: "1.2.0", change: .none, pre: "rc", expected: .error(.nothingToDo, "no commits since 1.2.0: nothing to release")),
    // Continuing a pre-release series.
    .init(current: "1.3.0-rc.1", change: .fix, pre: "rc", expected: .version("1.3.0-rc.2")),
    .init(current: "1.3.0-rc.1", change: .feature, pre: "rc", expected: .version("1.3.0-rc.2")),
    .init(current: "1.3.0-rc.9", change: .fix, pre: "rc", expected: .version("1.3.0-rc.10")),
    .init(current: "1.3.0-rc", change: .fix, pre: "rc", expected: .version("1.3.0-rc.1")),
    .init(current: "1.3.0-rc.2", change: .breaking, pre: "rc", expected: .version("2.0.0-rc.1")),
    .init(current: "1.2.4-rc.1", change: .feature, pre: "rc", expected: .version("1.3.0-rc.1")),
    .init(current: "2.0.0-rc.1", change: .breaking, pre: "rc", expected: .version("2.0.0-rc.2")),
    .init(current: "0.3.0-rc.1", change: .breaking, pre: "rc", expected: .version("0.3.0-rc.2")),
    .init(current: "0.3.0-rc.1", change: .breaking, rules: strict, pre: "rc", expected: .version("1.0.0-rc.1")),
    .init(current: "1.3.0-rc.2", change: .none, pre: "rc",
          expected: .error(.nothingToDo, "no commits since 1.3.0-rc.2: nothing for rc to add")),
    // Switching pre-release names.
    .init(current: "1.3.0-alpha.2", change: .fix, pre: "beta", expected: .version("1.3.0-beta.1")),
    .init(current: "1.3.0-beta.3", change: .none, pre: "rc", expected: .version("1.3.0-rc.1")),
    .init(current: "1.3.0-rc.2", change: .fix, pre: "beta",
          expected: .error(.badInput, "version goes backwards: 1.3.0-beta.1 is not above 1.3.0-rc.2")),
    .init(current: "1.3.0-rc.2", change: .breaking, pre: "beta", expected: .version("2.0.0-beta.1")),
    // Finalising.
    .init(current: "1.3.0-rc.2", change: .fix, expected: .version("1.3.0")),
    .init(current: "v1.3.0-rc.2", change: .none, expected: .version("v1.3.0")),
    .init(current: "1.3.0-rc.2", change: .feature, expected: .version("1.3.0")),
    .init(current: "1.3.0-rc.2", change: .breaking, expected: .version("2.0.0")),
    .init(current: "1.2.4-rc.1", change: .feature, expected: .version("1.3.0")),
    // Nothing to do.
    .init(current: "1.2.3", change: .none, expected: .error(.nothingToDo, "no commits since 1.2.3: nothing to release")),
    // Explicit versions.
    .init(current: "1.2.3", change: .fix, to: "2.0.0", expected: .version("2.0.0")),
    .init(current: "v1.2.3", change: .none, to: "1.5.0", expected: .version("v1.5.0")),
    .init(current: "1.3.0", change: .fix, to: "1.2.0",
          expected: .error(.badInput, "version goes backwards: 1.2.0 is not above 1.3.0")),
    .init(current: "1.3.0", change: .fix, to: "1.3.0",
          expected: .error(.badInput, "version goes backwards: 1.3.0 is not above 1.3.0")),
    .init(current: "1.3.0-rc.2", change: .none, to: "1.3.0", expected: .version("1.3.0")),
    .init(current: "1.3.0-rc.2", change: .none, to: "1.3.0-rc.1",
          expected: .error(.badInput, "version goes backwards: 1.3.0-rc.1 is not above 1.3.0-rc.2")),
    .init(current: "1.2.3", change: .fix, pre: "rc", to: "2.0.0", expected: .version("2.0.0-rc.1")),
    .init(current: "1.2.3", change: .fix, pre: "rc", to: "2.0.0-beta.1",
          expected: .error(.badInput, "--to 2.0.0-beta.1 already is a pre-release; --pre rc conflicts")),
    // Bad pre-release names.
    .init(current: "1.2.3", change: .fix, pre: "rc.1", expected: .error(.badInput, "\"rc.1\" is not a pre-release name")),
    .init(current: "1.2.3", change: .fix, pre: "", expected: .error(.badInput, "\"\" is not a pre-release name")),
    .init(current: "1.2.3", change: .fix, pre: "12", expected: .error(.badInput, "\"12\" is not a pre-release name")),
]

extension NextVersionCase {
    init(current: String?, change: Change, rules: BumpRules = BumpRules(), to: String?, pre: String?,
         expected: Expected) {
        self.init(current: current, change: change, rules: rules, pre: pre, to: to, expected: expected)
    }
}

extension NextVersionTests {
    @Test("next version", arguments: nextVersionCases)
    func nextVersion(_ row: NextVersionCase) throws {
        let current = try row.current.map { try #require(ReleaseVersion($0, prefix: $0.hasPrefix("barter") ? "barter-python-v" : nil)) }
        let explicit = try row.to.map { try #require(ReleaseVersion($0)) }
        let compute = {
            try NextVersion.compute(
                current: current, hasBreaking: row.change == .breaking, hasFeature: row.change == .feature,
                hasAnyChange: row.change != .none, rules: row.rules, preID: row.pre, explicit: explicit)
        }
        switch row.expected {
        case .version(let expected):
            #expect(try compute().description == expected)
        case .error(let code, let message):
            let error = #expect(throws: NotesError.self) { try compute() }
            #expect(error?.exitCode == code)
            #expect(error?.message == message)
            #expect(error?.hint != nil)
        }
    }
}

extension NextVersionTests {
    @Test("bump levels", arguments: [
        (false, false, 1, BumpLevel.patch), (false, true, 1, .minor), (true, true, 1, .major),
        (true, false, 0, .minor), (false, true, 0, .patch), (false, false, 0, .patch),
    ])
    func bumpLevel(breaking: Bool, feature: Bool, major: Int, expected: BumpLevel) {
        #expect(BumpRules().level(hasBreaking: breaking, hasFeature: feature, major: major) == expected)
    }
}

extension NextVersionTests {
    @Test func levelsAreOrderedBySize() {
        #expect(BumpLevel.patch < .minor)
        #expect(BumpLevel.minor < .major)
        #expect(BumpLevel.allCases.max() == .major)
    }
}
