/// A unified diff (`diff -u` style, three lines of context) between two versions of a file, for `--dry-run`.
///
/// Lines keep their own endings, so a CRLF file diffs as CRLF; a last line without a line ending is marked
/// `\ No newline at end of file` as git does. The common head and tail are stripped first and the middle is
/// compared line by line (longest common subsequence), so a one-line version change in a large file is cheap.
public enum UnifiedDiff {
    /// The diff of `old` and `new` under `a/<path>` and `b/<path>` headers; "" when they are equal.
    public static func diff(path: String, old: [UInt8], new: [UInt8], context: Int = 3) -> String {
        diff(old: old, new: new, oldName: "a/\(path)", newName: "b/\(path)", context: context)
    }

    /// The diff of two texts with `---`/`+++` headers naming `oldName` and `newName` (`/dev/null` for a
    /// file that does not exist yet); "" when they are equal.
    public static func make(old: String, new: String, oldName: String, newName: String) -> String {
        diff(old: Array(old.utf8), new: Array(new.utf8), oldName: oldName, newName: newName)
    }

    /// The diff of `old` and `new` with the given header names; "" when they are equal.
    public static func diff(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3)
        -> String
    {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        let middleA = Array(a[prefix..<(a.count - suffix)])
        let middleB = Array(b[prefix..<(b.count - suffix)])

        // Operations over the whole files: (kind, line) with kind " ", "-" or "+".
        var operations: [(Character, [UInt8])] = a[..<prefix].map { (" ", $0) }
        operations += middle(middleA, middleB)
        operations += a[(a.count - suffix)...].map { (" ", $0) }

        var out = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < operations.count {
            guard operations[index].0 != " " else { index += 1; continue }
            // A hunk: from `context` lines before the change to `context` lines after the last change that is
            // within 2 * context lines of the previous one.
            let start = max(0, index - context)
            var end = index
            var look = index
            while look < operations.count {
                if operations[look].0 != " " {
                    end = look
                    look += 1
                } else if look - end <= 2 * context {
                    look += 1
                } else {
                    break
                }
            }
            let stop = min(operations.count, end + context + 1)
            var oldStart = 1, newStart = 1
            for operation in operations[..<start] {
                if operation.0 != "+" { oldStart += 1 }
                if operation.0 != "-" { newStart += 1 }
            }
            let hunk = operations[start..<stop]
            let oldCount = hunk.filter { $0.0 != "+" }.count
            let newCount = hunk.filter { $0.0 != "-" }.count
            out += "@@ -\(range(oldCount == 0 ? oldStart - 1 : oldStart, oldCount)) "
                + "+\(range(newCount == 0 ? newStart - 1 : newStart, newCount)) @@\n"
            for (kind, line) in hunk {
                out += String(kind) + String(decoding: line, as: UTF8.self)
                if line.last != UInt8(ascii: "\n") { out += "\n\\ No newline at end of file\n" }
            }
            index = stop
        }
        return out
    }

    private static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(start),\(count)"
    }

    /// Splits after each `\n`; the last line may lack one.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            result.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { result.append(Array(bytes[start...])) }
        return result
    }

    /// Deletions and insertions turning `a` into `b`; falls back to "all removed, all added" past 4M cells.
    private static func middle(_ a: [[UInt8]], _ b: [[UInt8]]) -> [(Character, [UInt8])] {
        guard !a.isEmpty || !b.isEmpty else { return [] }
        guard a.count * b.count <= 4_000_000, !a.isEmpty, !b.isEmpty else {
            return a.map { ("-", $0) } + b.map { ("+", $0) }
        }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var result: [(Character, [UInt8])] = []
        var i = 0, j = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] {
                result.append((" ", a[i])); i += 1; j += 1
            } else if table[i + 1][j] >= table[i][j + 1] {
                result.append(("-", a[i])); i += 1
            } else {
                result.append(("+", b[j])); j += 1
            }
        }
        result += a[i...].map { ("-", $0) }
        result += b[j...].map { ("+", $0) }
        return result
    }
}
