/// The ` (#123)` that GitHub appends to the subject of a squash merge.
public enum SquashSuffix {
    /// Splits `description` into the text without a trailing ` (#123)` and that number.
    /// Without such a suffix the text comes back unchanged and the number is nil. Only the
    /// last suffix is removed (`"x (#1) (#2)"` gives `"x (#1)"` and 2); the parenthesis must
    /// follow a space or start the text, so `f(#2)` is left alone.
    public static func split(_ description: String) -> (text: String, number: Int?) {
        // Most descriptions have no suffix: settle that from the last bytes, without the scalar array.
        for byte in description.utf8.reversed() {
            if UTF8Scan.isWhitespace(byte) { continue }
            if byte < 0x80 && byte != UInt8(ascii: ")") { return (description, nil) }
            break
        }
        let scalars = Array(description.unicodeScalars)
        var end = scalars.count
        while end > 0, scalars[end - 1].properties.isWhitespace { end -= 1 }
        guard end >= 4, scalars[end - 1] == ")" else { return (description, nil) }
        var digitsStart = end - 1
        while digitsStart > 0, ("0"..."9").contains(scalars[digitsStart - 1]) { digitsStart -= 1 }
        let digitCount = end - 1 - digitsStart
        guard digitCount > 0, digitCount <= 18, digitsStart >= 2,
              scalars[digitsStart - 1] == "#", scalars[digitsStart - 2] == "("
        else { return (description, nil) }
        let open = digitsStart - 2
        guard open == 0 || scalars[open - 1].properties.isWhitespace else { return (description, nil) }
        guard let number = Int(String(String.UnicodeScalarView(scalars[digitsStart..<(end - 1)]))) else {
            return (description, nil)
        }
        var textEnd = open
        while textEnd > 0, scalars[textEnd - 1].properties.isWhitespace { textEnd -= 1 }
        return (String(String.UnicodeScalarView(scalars[..<textEnd])), number)
    }
}
