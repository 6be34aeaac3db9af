@testable import NotesGit
import Testing

/// packed-refs as `Repository.tags()` reads it: which ids the file promises are no annotated tags.
@Suite struct PackedRefsTests {
    static let a = String(repeating: "a", count: 40), b = String(repeating: "b", count: 40)
    static let c = String(repeating: "c", count: 40), d = String(repeating: "d", count: 40)

    static func ids(_ text: String) -> Set<String> {
        Set(Array(text.utf8).withUnsafeBufferPointer { Repository.packedNonTagTargets(in: $0) }.map(\.hex))
    }

    @Test("peeled lines, traits, comments and a last line without a newline", arguments: [
        ("# pack-refs with: peeled fully-peeled sorted \n\(a) refs/heads/main\n\(b) refs/tags/v1\n^\(c)\n\(d) refs/tags/v2",
         [a, d]),
        ("# pack-refs with: peeled \n\(a) refs/heads/main\n\(b) refs/tags/v1\n^\(c)\n\(d) refs/tags/v2\n", [d]),
        ("# pack-refs with: sorted \n\(a) refs/tags/v1\n", []),
        ("\(a) refs/tags/v1\n", []),
        ("", []),
        ("# pack-refs with: fully-peeled \n# a comment\n\n\(a) refs/tags/v1\n\(b)x refs/tags/v2\nshort\n\(c) refs/tags/v3\n^\(d)\n",
         [a]),
        ("# pack-refs with: fully-peeled \n\(String(a.dropLast())) refs/tags/v1\nzz\(String(b.dropFirst(2))) refs/tags/v2\n", []),
    ])
    func nonTagTargets(text: String, expected: [String]) {
        #expect(Self.ids(text) == Set(expected))
    }

    @Test("hex ids from bytes: 40 hex digits of either case, nothing else")
    func hexBytes() {
        let mixed = "0123456789abcdefABCDEF0123456789abcdef01"
        #expect(CommitID(hexBytes: mixed.utf8)?.hex == mixed.lowercased())
        #expect(CommitID(hex: mixed) == CommitID(hexBytes: Array(mixed.utf8)))
        for bad in [String(mixed.dropLast()), mixed + "0", String(mixed.dropLast()) + "g", "", " " + String(mixed.dropLast())] {
            #expect(CommitID(hexBytes: bad.utf8) == nil, "\(bad)")
        }
    }
}
