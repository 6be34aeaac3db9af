import Foundation
import NotesGit
import Testing

@Suite struct CommitIDTests {
    let hex = "0123456789abcdef0123456789abcdef01234567"

    @Test func keepsHexAndShortForm() throws {
        let id = try #require(CommitID(hex: hex))
        #expect(id.hex == hex)
        #expect(id.short == "0123456")
        #expect(id.description == hex)
    }

    @Test("the short form is the first 7 hex characters, for ids across the whole range")
    func shortIsTheHexPrefix() throws {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        for _ in 0..<500 {
            let text = String((0..<40).map { _ in digits[Int(generator.next() % 16)] })
            let id = try #require(CommitID(hex: text))
            #expect(id.short == String(text.prefix(7)))
        }
        for text in [String(repeating: "0", count: 40), String(repeating: "f", count: 40)] {
            #expect(try #require(CommitID(hex: text)).short == String(text.prefix(7)))
        }
    }

    @Test func acceptsUppercaseAndNormalisesIt() throws {
        let id = try #require(CommitID(hex: hex.uppercased()))
        #expect(id.hex == hex)
        #expect(id == CommitID(hex: hex))
    }

    @Test(arguments: [
        "", "0123456", "0123456789abcdef0123456789abcdef0123456",
        "0123456789abcdef0123456789abcdef012345678", "g123456789abcdef0123456789abcdef01234567",
        "0123456789abcdef0123456789abcdef0123456é",
    ])
    func rejectsMalformedHex(_ text: String) {
        #expect(CommitID(hex: text) == nil)
    }

    @Test func ordersLikeItsHex() throws {
        let texts = [
            "ffffffffffffffff000000000000000000000000", "0000000000000000ffffffffffffffff00000000",
            "00000000000000000000000000000000ffffffff", "00000000000000000000000000000000fffffffe",
            "8000000000000000000000000000000000000001",
        ]
        let ids = try texts.map { try #require(CommitID(hex: $0)) }
        #expect(ids.sorted().map(\.hex) == texts.sorted())
    }

    @Test func codesAsAHexString() throws {
        let id = try #require(CommitID(hex: hex))
        let data = try JSONEncoder().encode([id])
        #expect(String(decoding: data, as: UTF8.self) == "[\"\(hex)\"]")
        #expect(try JSONDecoder().decode([CommitID].self, from: data) == [id])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CommitID].self, from: Data("[\"abc\"]".utf8))
        }
    }
}
