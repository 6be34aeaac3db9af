import Foundation
import NotesGit
import Testing

/// Times a full walk of an existing repository; runs only when `NOTES_GIT_BENCH_REPO` names one
/// (optionally `NOTES_GIT_BENCH_REV`, default HEAD, and `NOTES_GIT_BENCH_EXCLUDE`). Use a release build:
/// `NOTES_GIT_BENCH_REPO=/path swift test -c release --filter WalkBenchmark`.
@Suite struct WalkBenchmark {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["NOTES_GIT_BENCH_REPO"] != nil))
    func walksTheWholeHistory() throws {
        let path = try #require(Self.environment["NOTES_GIT_BENCH_REPO"])
        let repository = try Repository.discover(from: path)
        let tip = try repository.resolveCommit(Self.environment["NOTES_GIT_BENCH_REV"] ?? "HEAD")
        let excluding = try Self.environment["NOTES_GIT_BENCH_EXCLUDE"].map { [try repository.resolveCommit($0)] } ?? []
        let clock = ContinuousClock()
        var count = 0
        var bytes = 0
        var previousTime = Int64.max
        var ordered = true
        let elapsed = try clock.measure {
            try repository.walk(including: [tip], excluding: excluding) { commit in
                count += 1
                bytes += commit.message.count
                ordered = ordered && commit.committer.time <= previousTime
                previousTime = commit.committer.time
                return .continue
            }
        }
        print("walk: \(count) commits, \(bytes) message bytes in \(elapsed)")
        #expect(count > 0)
        #expect(ordered, "committer times must not increase along the walk (holds for monotone histories)")
    }
}
