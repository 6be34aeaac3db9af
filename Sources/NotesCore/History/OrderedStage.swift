import Dispatch
import Foundation

/// Runs jobs on background threads, at most `limit` at a time, and keeps their results in the order they
/// were submitted; `submit` waits while `limit` jobs are unfinished (bounded memory). After a job throws,
/// the jobs submitted after it are skipped, and `results()` throws the first error in submission order.
///
/// `changelog --all` walks release N+1 on the calling thread while up to `limit` earlier releases are
/// grouped and rendered. One rendering thread was the bottleneck: on the 100k-commit bench repository it
/// had about 2.1 CPU seconds of grouping and rendering to do while the walk needed 1.2, so the second core
/// idled for a fifth of the run; two rendering jobs at a time keep both cores busy.
final class OrderedStage<Output: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "notes.ordered-stage", attributes: .concurrent)
    private let slots: DispatchSemaphore
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// Under `lock`: each job's output by submission index, and the first failure (lowest index).
    private var outputs: [Int: Output] = [:]
    private var failure: (index: Int, error: any Error)?
    /// Submitting thread only.
    private var submitted = 0

    init(limit: Int) {
        slots = DispatchSemaphore(value: max(1, limit))
    }

    /// Queues `job`.
    func submit(_ job: @escaping @Sendable () throws -> Output) {
        slots.wait()
        let index = submitted
        submitted += 1
        group.enter()
        queue.async { [self] in
            defer {
                slots.signal()
                group.leave()
            }
            if skips(index) { return }
            do {
                let output = try job()
                lock.lock()
                outputs[index] = output
                lock.unlock()
            } catch {
                lock.lock()
                if failure.map({ index < $0.index }) ?? true { failure = (index, error) }
                lock.unlock()
            }
        }
    }

    /// True when a job submitted before `index` has failed: the job is not run.
    private func skips(_ index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return failure.map { $0.index < index } ?? false
    }

    /// The outputs in submission order, once every job is done; the first error if one threw.
    func results() throws -> [Output] {
        group.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure.error }
        return (0..<submitted).compactMap { outputs[$0] }
    }
}
