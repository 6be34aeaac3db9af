import Foundation

/// Decodes raw commit message bytes into text.
///
/// Valid UTF-8 is taken as is. Otherwise the commit's `encoding` header chooses the
/// decoder when it names an encoding we know (ISO-8859-1/latin1, ISO-8859-15/latin9,
/// windows-1252/cp1252, Shift_JIS/cp932, EUC-JP, ISO-2022-JP, UTF-16, UTF-32,
/// ISO-8859-2, windows-1250/1251/1253/1254, macintosh); when the header is missing,
/// unknown, or the bytes do not decode under it, the bytes are read as Latin-1, which
/// never fails. A header naming UTF-16 or UTF-32 is tried before UTF-8, because such
/// text is often also valid UTF-8 (ASCII with NUL bytes). The result never contains a
/// U+FFFD that the bytes did not spell. Trailing NUL characters are removed.
public enum MessageDecoder {
    /// Decodes `bytes`, using `encoding` (the commit's `encoding` header, any case or
    /// punctuation, e.g. `"ISO-8859-1"`, `"cp1252"`) when the bytes are not UTF-8.
    public static func decode(_ bytes: [UInt8], encoding: String?) -> String {
        let label = encoding.map(normalized) ?? ""
        let text: String
        if isWideUnicode(label), let wide = decodeWithFoundation(bytes, label: label) {
            text = wide
        } else if let utf8 = String(validating: bytes, as: UTF8.self) {
            text = utf8
        } else {
            text = decodeByLabel(bytes, label: label) ?? latin1(bytes)
        }
        return stripTrailingNULs(text)
    }

    // MARK: - Labels

    /// Lower-cases and drops `-`, `_`, space and `.` so `ISO_8859-1` equals `iso88591`.
    private static func normalized(_ label: String) -> String {
        String(label.lowercased().unicodeScalars.filter { !"-_ .".unicodeScalars.contains($0) }.map(Character.init))
            .trimmedWhitespace()
    }

    private static func isWideUnicode(_ label: String) -> Bool {
        label.hasPrefix("utf16") || label.hasPrefix("utf32") || label.hasPrefix("ucs2")
    }

    private static let latin1Labels: Set<String> = ["iso88591", "latin1", "l1", "isolatin1", "cp819", "ibm819", "iso885911987", "88591"]
    private static let latin9Labels: Set<String> = ["iso885915", "latin9", "l9", "latin0", "isolatin9"]
    private static let cp1252Labels: Set<String> = ["windows1252", "cp1252", "win1252", "ms1252", "xcp1252"]
    private static let eucJPLabels: Set<String> = ["eucjp", "xeucjp", "ujis", "cseucpkdfmtjapanese"]

    private static func decodeByLabel(_ bytes: [UInt8], label: String) -> String? {
        if label.isEmpty { return nil }
        if latin1Labels.contains(label) { return latin1(bytes) }
        if latin9Labels.contains(label) { return latin9(bytes) }
        if cp1252Labels.contains(label) { return windows1252(bytes) }
        if eucJPLabels.contains(label) { return eucJP(bytes) }
        return decodeWithFoundation(bytes, label: label)
    }

    private static func foundationEncoding(for label: String) -> String.Encoding? {
        switch label {
        case "utf16": return .utf16
        case "utf16le", "ucs2le", "ucs2": return .utf16LittleEndian
        case "utf16be", "ucs2be": return .utf16BigEndian
        case "utf32": return .utf32
        case "utf32le": return .utf32LittleEndian
        case "utf32be": return .utf32BigEndian
        case "shiftjis", "sjis", "xsjis", "mskanji", "cp932", "windows31j", "mscp932": return .shiftJIS
        case "iso2022jp", "csiso2022jp": return .iso2022JP
        case "iso88592", "latin2", "l2": return .isoLatin2
        case "windows1250", "cp1250": return .windowsCP1250
        case "windows1251", "cp1251": return .windowsCP1251
        case "windows1253", "cp1253": return .windowsCP1253
        case "windows1254", "cp1254": return .windowsCP1254
        case "macintosh", "macroman", "xmacroman": return .macOSRoman
        case "usascii", "ascii": return .ascii
        default: return nil
        }
    }

    /// Decodes with Foundation; refuses results holding a U+FFFD that was not in the input.
    private static func decodeWithFoundation(_ bytes: [UInt8], label: String) -> String? {
        guard let encoding = foundationEncoding(for: label) else { return nil }
        guard let text = String(bytes: bytes, encoding: encoding) else { return nil }
        if text.unicodeScalars.contains("\u{FFFD}") { return nil }
        return text
    }

    // MARK: - Single-byte tables

    private static func latin1(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// ISO-8859-15 differs from Latin-1 in eight positions.
    private static let latin9Differences: [UInt8: UInt32] = [
        0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D,
        0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178,
    ]

    private static func latin9(_ bytes: [UInt8]) -> String {
        mapSingleBytes(bytes) { latin9Differences[$0] }
    }

    /// windows-1252 0x80–0x9F; the five undefined bytes stay C1 controls, as in Latin-1.
    private static let cp1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    private static func windows1252(_ bytes: [UInt8]) -> String {
        mapSingleBytes(bytes) { byte in
            (0x80...0x9F).contains(byte) ? cp1252High[Int(byte) - 0x80] : nil
        }
    }

    private static func mapSingleBytes(_ bytes: [UInt8], override: (UInt8) -> UInt32?) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let scalar = override(byte).flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(byte)
            scalars.append(scalar)
        }
        return String(scalars)
    }

    // MARK: - EUC-JP

    /// Foundation on Linux cannot decode EUC-JP, but it can decode Shift_JIS, and JIS X 0208
    /// maps between the two arithmetically. JIS X 0212 (0x8F prefix) has no Shift_JIS form:
    /// such text returns nil and falls back to Latin-1.
    private static func eucJP(_ bytes: [UInt8]) -> String? {
        var sjis: [UInt8] = []
        sjis.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                sjis.append(byte)
                index += 1
            } else if byte == 0x8E, index + 1 < bytes.count, (0xA1...0xDF).contains(bytes[index + 1]) {
                sjis.append(bytes[index + 1])  // half-width katakana: same byte in Shift_JIS
                index += 2
            } else if (0xA1...0xFE).contains(byte), index + 1 < bytes.count, (0xA1...0xFE).contains(bytes[index + 1]) {
                let row = byte - 0x80
                let cell = bytes[index + 1] - 0x80
                let lead = (row + 1) / 2 + (row <= 0x5E ? 0x70 : 0xB0)
                let trail: UInt8
                if row % 2 == 1 {
                    trail = cell + (cell >= 0x60 ? 0x20 : 0x1F)
                } else {
                    trail = cell + 0x7E
                }
                sjis.append(lead)
                sjis.append(trail)
                index += 2
            } else {
                return nil
            }
        }
        return decodeWithFoundation(sjis, label: "shiftjis")
    }

    // MARK: - NUL

    private static func stripTrailingNULs(_ text: String) -> String {
        guard text.utf8.last == 0 else { return text }
        var scalars = text.unicodeScalars
        while scalars.last == "\0" { scalars.removeLast() }
        return String(scalars)
    }
}
