/// A small line-based unified diff (`diff -u` format, 3 lines of context) for `--dry-run` and `--check`.
///
/// Lines are split at `\n`; a `\r` before it stays part of the line. The common first and last lines
/// are set aside, and the lines between are matched by a longest-common-subsequence table when it is
/// small enough (up to 4 million cells), else they are shown as one replaced block. Changes closer than
/// 2 × 3 lines share a hunk.
public enum UnifiedDiff {
    /// Lines of context around each change.
    public static let context = 3

    /// The diff of `old` and `new` with `---`/`+++` headers naming `oldName` and `newName`; empty when equal.
    public static func make(old: String, new: String, oldName: String, newName: String) -> String {
        guard old != new else { return "" }
        let a = lines(old)
        let b = lines(new)
        let ops = operations(a, b)
        var output = "--- \(oldName)\n+++ \(newName)\n"
        // Group changes into hunks.
        var index = 0
        while index < ops.count {
            guard let firstChange = ops[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var start = max(index, firstChange - context)
            if start < index { start = index }
            var end = firstChange
            var scan = firstChange
            while scan < ops.count {
                if ops[scan].kind != .same { end = scan; scan += 1; continue }
                let nextChange = ops[scan...].firstIndex { $0.kind != .same }
                if let nextChange, nextChange - end - 1 <= 2 * context { scan = nextChange; continue }
                break
            }
            let stop = min(ops.count, end + context + 1)
            let hunk = ops[start..<stop]
            let oldStart = (hunk.first?.oldIndex ?? 0)
            let newStart = (hunk.first?.newIndex ?? 0)
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output += "@@ -\(range(oldStart, oldCount)) +\(range(newStart, newCount)) @@\n"
            for op in hunk {
                let (marker, line) = switch op.kind {
                case .same: (" ", a[op.oldIndex])
                case .delete: ("-", a[op.oldIndex])
                case .insert: ("+", b[op.newIndex])
                }
                output += marker + line.text + "\n"
                if !line.hasNewline { output += "\\ No newline at end of file\n" }
            }
            index = stop
        }
        return output
    }

    struct Line: Equatable {
        var text: Substring
        var hasNewline: Bool
    }

    enum Kind { case same, delete, insert }

    struct Operation {
        var kind: Kind
        /// Index in the old lines (for `.insert`: the old line it comes before).
        var oldIndex: Int
        /// Index in the new lines (for `.delete`: the new line it comes before).
        var newIndex: Int
    }

    static func lines(_ text: String) -> [Line] {
        var result: [Line] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if let newline = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) {
                result.append(Line(text: rest[..<newline], hasNewline: true))
                rest = rest[rest.utf8.index(after: newline)...]
            } else {
                result.append(Line(text: rest, hasNewline: false))
                rest = rest[rest.endIndex...]
            }
        }
        return result
    }

    static func range(_ start: Int, _ count: Int) -> String {
        // diff -u numbers lines from 1; an empty range names the line before it.
        let first = count == 0 ? start : start + 1
        return count == 1 ? "\(first)" : "\(first),\(count)"
    }

    static func operations(_ a: [Line], _ b: [Line]) -> [Operation] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix,
              a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var ops: [Operation] = (0..<prefix).map { Operation(kind: .same, oldIndex: $0, newIndex: $0) }
        let aMiddle = prefix..<(a.count - suffix)
        let bMiddle = prefix..<(b.count - suffix)
        let n = aMiddle.count
        let m = bMiddle.count
        if n > 0, m > 0, n * m <= 4_000_000 {
            // lcs[i][j]: common subsequence length of a[i...] and b[j...] within the middle.
            var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i][j] = a[prefix + i] == b[prefix + j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < n || j < m {
                if i < n, j < m, a[prefix + i] == b[prefix + j] {
                    ops.append(Operation(kind: .same, oldIndex: prefix + i, newIndex: prefix + j))
                    i += 1
                    j += 1
                } else if i < n, j == m || lcs[i + 1][j] >= lcs[i][j + 1] {
                    ops.append(Operation(kind: .delete, oldIndex: prefix + i, newIndex: prefix + j))
                    i += 1
                } else {
                    ops.append(Operation(kind: .insert, oldIndex: prefix + i, newIndex: prefix + j))
                    j += 1
                }
            }
        } else {
            ops += aMiddle.map { Operation(kind: .delete, oldIndex: $0, newIndex: bMiddle.lowerBound) }
            ops += bMiddle.map { Operation(kind: .insert, oldIndex: aMiddle.upperBound, newIndex: $0) }
        }
        ops += (0..<suffix).map { Operation(kind: .same, oldIndex: a.count - suffix + $0, newIndex: b.count - suffix + $0) }
        return ops
    }
}
