extension LinearRegex {
    /// The hint every configuration error about a pattern carries.
    static let configurationHint = "notes matches patterns in linear time and supports the part of ICU syntax that needs no "
        + "backtracking (docs/configuration.md, \"Regular expressions\"); escape ( [ { . * + ? with a backslash, written \\\\ in TOML basic strings"

    /// Compiles a pattern the configuration loader has already checked; a failure still says which key.
    /// Nil in, nil out.
    static func configured(_ pattern: String?, key: String) throws -> LinearRegex? {
        guard let pattern else { return nil }
        do {
            return try LinearRegex(pattern)
        } catch {
            throw NotesError(.configuration, "\(key) is not a supported regular expression: \(error)", hint: configurationHint)
        }
    }
}
