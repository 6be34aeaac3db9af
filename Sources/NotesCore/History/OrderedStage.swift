import Dispatch

/// Runs jobs one after another on a background queue, in the order submitted, keeping their results in
/// that order; `submit` waits while `limit` jobs are queued (bounded memory). After a job throws, later
/// jobs are skipped, and `results()` throws the first error.
final class OrderedStage<Output: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "notes.ordered-stage")
    private let slots: DispatchSemaphore
    /// Touched only on `queue`.
    private var outputs: [Output] = []
    private var failure: (any Error)?

    init(limit: Int) {
        slots = DispatchSemaphore(value: limit)
    }

    /// Queues `job`.
    func submit(_ job: @escaping @Sendable () throws -> Output) {
        slots.wait()
        queue.async { [self] in
            defer { slots.signal() }
            guard failure == nil else { return }
            do {
                outputs.append(try job())
            } catch {
                failure = error
            }
        }
    }

    /// The outputs in submission order, once every job is done; the first error if one threw.
    func results() throws -> [Output] {
        try queue.sync {
            if let failure { throw failure }
            return outputs
        }
    }
}
