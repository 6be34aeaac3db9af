import NotesCore
import Testing

/// Bytes, the encoding header, and the text they must decode to.
struct DecodingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var encoding: String?
    var expected: String
    var testDescription: String { name }
}

@Suite("MessageDecoder")
struct MessageDecoderTests {
    static let cases: [DecodingCase] = [
        DecodingCase(name: "Latin-1 by header", bytes: [0x63, 0x61, 0x66, 0xE9], encoding: "ISO-8859-1", expected: "café"),
        DecodingCase(name: "Latin-1 header spelled latin1", bytes: [0x63, 0x61, 0x66, 0xE9], encoding: "latin1", expected: "café"),
        DecodingCase(name: "no header falls back to Latin-1", bytes: [0x63, 0x61, 0x66, 0xE9], encoding: nil, expected: "café"),
        DecodingCase(name: "unknown header falls back to Latin-1", bytes: [0x63, 0x61, 0x66, 0xE9], encoding: "x-klingon", expected: "café"),
        DecodingCase(name: "UTF-8 header on Latin-1 bytes falls back", bytes: [0x63, 0x61, 0x66, 0xE9], encoding: "UTF-8", expected: "café"),
        DecodingCase(
            name: "windows-1252 curly quotes", bytes: [0x93, 0x68, 0x69, 0x94], encoding: "windows-1252",
            expected: "\u{201C}hi\u{201D}"),
        DecodingCase(
            name: "cp1252 euro and undefined byte", bytes: [0x80, 0x81, 0x41], encoding: "CP1252",
            expected: "\u{20AC}\u{81}A"),
        DecodingCase(name: "ISO-8859-15 euro", bytes: [0xA4, 0x20, 0x35], encoding: "ISO-8859-15", expected: "€ 5"),
        DecodingCase(name: "valid UTF-8 untouched", bytes: Array("naïve “quotes” 日本".utf8), encoding: nil, expected: "naïve “quotes” 日本"),
        DecodingCase(
            name: "valid UTF-8 wins over a Latin-1 header", bytes: Array("café".utf8), encoding: "ISO-8859-1",
            expected: "café"),
        DecodingCase(name: "empty", bytes: [], encoding: nil, expected: ""),
        DecodingCase(name: "empty with header", bytes: [], encoding: "ISO-8859-1", expected: ""),
        DecodingCase(name: "trailing NUL stripped", bytes: [0x66, 0x69, 0x78, 0x00], encoding: nil, expected: "fix"),
        DecodingCase(name: "trailing NULs after Latin-1", bytes: [0xE9, 0x00, 0x00], encoding: nil, expected: "é"),
        DecodingCase(name: "Shift_JIS", bytes: [0x93, 0xFA, 0x96, 0x7B], encoding: "Shift_JIS", expected: "日本"),
        DecodingCase(name: "EUC-JP", bytes: [0xC6, 0xFC, 0xCB, 0xDC, 0x0A, 0x61], encoding: "EUC-JP", expected: "日本\na"),
        DecodingCase(name: "EUC-JP half-width katakana", bytes: [0x8E, 0xB1], encoding: "euc-jp", expected: "ｱ"),
        DecodingCase(name: "broken EUC-JP falls back to Latin-1", bytes: [0xC6, 0x41], encoding: "EUC-JP", expected: "ÆA"),
        DecodingCase(
            name: "UTF-16LE by header even though bytes are valid UTF-8", bytes: [0x41, 0x00, 0x42, 0x00],
            encoding: "UTF-16LE", expected: "AB"),
        DecodingCase(name: "UTF-16 with BOM", bytes: [0xFF, 0xFE, 0x41, 0x00], encoding: "UTF-16", expected: "A"),
        DecodingCase(name: "ISO-8859-2", bytes: [0xB1], encoding: "ISO-8859-2", expected: "ą"),
        DecodingCase(name: "windows-1251", bytes: [0xC1, 0xC2], encoding: "windows-1251", expected: "БВ"),
        DecodingCase(name: "invalid UTF-8 lead byte alone", bytes: [0xC3], encoding: nil, expected: "Ã"),
    ]

    @Test("decodes", arguments: cases)
    func decodes(_ example: DecodingCase) {
        let text = MessageDecoder.decode(example.bytes, encoding: example.encoding)
        #expect(text == example.expected)
        #expect(Array(text.unicodeScalars) == Array(example.expected.unicodeScalars))
    }

    @Test("never inserts U+FFFD", arguments: [
        ("Shift_JIS", [0x81, 0x20] as [UInt8]),
        ("UTF-16LE", [0x00, 0xD8]),
        ("UTF-8", [0xFF, 0xFE, 0xFD]),
        ("ascii", [0x80]),
        ("EUC-JP", [0x8F, 0xA2, 0xAF]),
    ] as [(String, [UInt8])])
    func noReplacementCharacter(_ encoding: String, _ bytes: [UInt8]) {
        let text = MessageDecoder.decode(bytes, encoding: encoding)
        #expect(!text.unicodeScalars.contains("\u{FFFD}"))
        #expect(!text.isEmpty)
    }

    @Test("every byte value decodes without U+FFFD")
    func everyByte() {
        let bytes = (0...255).map(UInt8.init)
        for encoding in [nil, "ISO-8859-1", "windows-1252", "ISO-8859-15", "Shift_JIS", "EUC-JP", "UTF-16"] {
            let text = MessageDecoder.decode(bytes, encoding: encoding)
            #expect(!text.unicodeScalars.contains("\u{FFFD}"), "encoding \(encoding ?? "nil")")
        }
    }
}
