import Foundation

/// `--context` output: the view model as pretty JSON with sorted keys, ending in a newline.
public enum ContextJSON {
    /// Encodes any view model.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return (String(data: data, encoding: .utf8) ?? "") + "\n"
    }
}
