import Foundation

/// `--context` output: the view model as pretty JSON with sorted keys, ending in a newline.
public enum ContextJSON {
    /// Encodes any view model.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return compactEmptyContainers(String(data: data, encoding: .utf8) ?? "") + "\n"
    }

    /// Foundation on Linux prints an empty array as `[`, a blank line, `]`; make it `[]` (and `{}` alike).
    /// Only whitespace between the brackets is removed, so string contents are untouched.
    static func compactEmptyContainers(_ json: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(json.utf8.count)
        let bytes = Array(json.utf8)
        var index = 0
        var inString = false
        while index < bytes.count {
            let byte = bytes[index]
            output.append(byte)
            index += 1
            if inString {
                if byte == UInt8(ascii: "\\"), index < bytes.count {
                    output.append(bytes[index])
                    index += 1
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            if byte == UInt8(ascii: "\"") {
                inString = true
            } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                let close = byte == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
                var look = index
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x0A { look += 1 }
                if look < bytes.count, bytes[look] == close {
                    output.append(close)
                    index = look + 1
                }
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
