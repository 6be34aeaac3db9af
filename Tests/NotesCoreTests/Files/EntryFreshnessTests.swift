import NotesCore
import Testing

/// Stale (notes' own older output) versus curated (the maintainer's) entries.
@Suite("Entry freshness")
struct EntryFreshnessTests {
    static let now = "## [1.2.0] - 2026-12-08\n\n### Bug fixes\n\n- a (aaaaaaa)\n- b (bbbbbbb)\n"
    static let earlier = ["## [1.2.0] - 2026-12-08\n\n### Bug fixes\n\n- a (aaaaaaa)\n"]
    static let listed = [
        EntryFreshness.Listed(shortIDs: ["aaaaaaa"], subject: "fix: a", description: "a", keys: []),
        EntryFreshness.Listed(shortIDs: ["bbbbbbb"], subject: "fix: export the module", description: "export the module",
                              keys: ["#12"]),
    ]

    static func judge(_ existing: String) -> EntryFreshness.Verdict {
        EntryFreshness.judge(existing: existing, generated: now, listed: listed) { count in
            count <= earlier.count ? earlier[count - 1] : nil
        }
    }

    @Test("stale or curated", arguments: [
        // Written before b arrived, another day: stale.
        ("## [1.2.0] - 2026-11-30\n\n### Bug fixes\n\n- a (aaaaaaa)\n", "stale"),
        // A line notes never writes: curated, b missing.
        ("## [1.2.0] - 2026-11-30\n\nOur best release.\n\n- a (aaaaaaa)\n", "curated: bbbbbbb"),
        // Named in other words, by id or by its pull request: nothing missing.
        ("## [1.2.0]\n\n- Exported the modules.\n- a\n", "curated:"),
        ("## [1.2.0]\n\n- see bbbbbbb\n- a\n", "curated:"),
        ("## [1.2.0]\n\n- the module thing (#12)\n- a\n", "curated:"),
        ("## [1.2.0]\n\n- the module thing (#123)\n- a\n", "curated: bbbbbbb"),
    ] as [(String, String)])
    func verdict(_ existing: String, _ expected: String) {
        let text: String
        switch Self.judge(existing) {
        case .stale: text = "stale"
        case .curated(let missing): text = (["curated:"] + missing.flatMap(\.shortIDs)).joined(separator: " ")
        }
        #expect(text == expected)
    }

    /// A bullet naming no commit of the range is the maintainer's: judged without rendering earlier ends.
    @Test func handWrittenBulletNeedsNoEarlierEnds() {
        var calls = 0
        let verdict = EntryFreshness.judge(existing: "## [1.2.0]\n\n- Widgets, finally\n- a (aaaaaaa)\n", generated: Self.now,
                                           listed: Self.listed, rangeIDs: ["aaaaaaa", "bbbbbbb"]) { _ in
            calls += 1
            return nil
        }
        #expect(calls == 0)
        #expect(verdict == .curated(missing: [Self.listed[1]]))
    }
}
