import Dispatch
import NotesGit

/// The commits of one range, parsed on a background queue while the walk goes on: the walking thread
/// hands over batches of `RawCommit` (libgit2 objects never leave it), one serial queue parses them in
/// the order given, so the records come out in walk order. At most `maxBatchesInFlight` batches wait at
/// any time, which bounds the memory held by unparsed commits.
final class ParsedCommits: @unchecked Sendable {
    /// Commits per batch handed to the parsing queue.
    static let batchSize = 512
    private static let maxBatchesInFlight = 8
    private static let queue = DispatchQueue(label: "notes.parse-commits")
    private static let slots = DispatchSemaphore(value: maxBatchesInFlight)

    private let group = DispatchGroup()
    /// Touched only on `queue`, and by `records()` after every batch is done.
    private var parsed: [CommitRecord] = []

    /// Queues `batch` for parsing; waits while too many batches are queued.
    func add(_ batch: [RawCommit]) {
        guard !batch.isEmpty else { return }
        Self.slots.wait()
        group.enter()
        Self.queue.async { [self] in
            parsed.reserveCapacity(parsed.count + batch.count)
            for raw in batch { parsed.append(CommitRecord(raw)) }
            Self.slots.signal()
            group.leave()
        }
    }

    /// Every record, in the order the commits were added; waits for the parsing to finish.
    func records() -> [CommitRecord] {
        group.wait()
        return parsed
    }
}

