import Foundation
import NotesCore
import NotesGit
import Testing

/// Times the commit-message pipeline (`MessageDecoder`, `CommitMessageParser`,
/// `IssueReferenceExtractor`, `RevertDetector`) over every message of an existing repository;
/// runs only when `NOTES_PARSE_BENCH_REPO` names one. The commits are read first, so the walk
/// is not timed. `NOTES_PARSE_BENCH_ROUNDS` (default 5) rounds run; the best and the median are
/// printed. With `NOTES_PARSE_BENCH_DUMP=FILE` every result is written to FILE, one commit per
/// line, so two builds can be compared with `cmp`. Use a release build:
/// `NOTES_PARSE_BENCH_REPO=/path swift test -c release --filter ParseBenchmark` (or `scripts/bench-parse`).
@Suite struct ParseBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["NOTES_PARSE_BENCH_REPO"] != nil))
    func parsesEveryMessage() throws {
        let path = try #require(Self.environment["NOTES_PARSE_BENCH_REPO"])
        let rounds = max(1, Int(Self.environment["NOTES_PARSE_BENCH_ROUNDS"] ?? "") ?? 5)
        let repository = try Repository.discover(from: path)
        let tip = try repository.resolveCommit("HEAD")
        var commits: [RawCommit] = []
        try repository.walk(including: [tip], excluding: []) { commit in
            commits.append(commit)
            return .continue
        }
        let bytes = commits.reduce(0) { $0 + $1.message.count }

        let clock = ContinuousClock()
        var stages: [String: [Duration]] = [:]
        var records: [CommitRecord] = []
        for _ in 0..<rounds {
            var texts: [String] = []
            texts.reserveCapacity(commits.count)
            stages["decode", default: []].append(clock.measure {
                for commit in commits { texts.append(MessageDecoder.decode(commit.message, encoding: commit.encoding)) }
            })
            var parsed: [ParsedMessage] = []
            parsed.reserveCapacity(commits.count)
            stages["parse", default: []].append(clock.measure {
                for text in texts { parsed.append(CommitMessageParser.parse(text)) }
            })
            var issueCount = 0
            stages["references", default: []].append(clock.measure {
                for message in parsed { issueCount += IssueReferenceExtractor.references(in: message).count }
            })
            var revertCount = 0
            stages["revert", default: []].append(clock.measure {
                for message in parsed where RevertDetector.revert(in: message) != nil { revertCount += 1 }
            })
            records.removeAll(keepingCapacity: true)
            records.reserveCapacity(commits.count)
            stages["CommitRecord.init", default: []].append(clock.measure {
                for commit in commits { records.append(CommitRecord(commit)) }
            })
            #expect(issueCount == records.reduce(0) { $0 + $1.issues.count })
            #expect(revertCount == records.filter { $0.revert != nil }.count)
        }
        print("parse benchmark: \(commits.count) messages, \(bytes) bytes, \(rounds) rounds")
        for stage in ["decode", "parse", "references", "revert", "CommitRecord.init"] {
            let times = (stages[stage] ?? []).sorted()
            print("  \(stage): best \(Self.milliseconds(times.first)) ms, median \(Self.milliseconds(times[times.count / 2])) ms")
        }
        #expect(records.count == commits.count)

        if let dump = Self.environment["NOTES_PARSE_BENCH_DUMP"], !dump.isEmpty {
            var out = ""
            for record in records {
                out += "\(record.id) \(String(reflecting: record.message)) \(record.issues) \(String(describing: record.revert))\n"
            }
            try Data(out.utf8).write(to: URL(fileURLWithPath: dump))
        }
    }

    static func milliseconds(_ duration: Duration?) -> String {
        guard let duration else { return "-" }
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String((milliseconds * 10).rounded() / 10)
    }
}
