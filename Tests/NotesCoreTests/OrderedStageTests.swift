import Foundation
@testable import NotesCore
import Testing

@Suite("Ordered stage")
struct OrderedStageTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test("outputs come back in submission order however long each job takes", arguments: [1, 2, 3])
    func order(limit: Int) throws {
        let stage = OrderedStage<Int>(limit: limit)
        for index in 0..<40 {
            // Early jobs take longest, so later ones finish first when jobs run side by side.
            stage.submit {
                usleep(UInt32((40 - index) * 200))
                return index
            }
        }
        #expect(try stage.results() == Array(0..<40))
    }

    @Test("the first failure in submission order is thrown, and jobs after it are skipped")
    func failure() {
        let stage = OrderedStage<Int>(limit: 2)
        let ran = NSLock()
        nonisolated(unsafe) var started: [Int] = []
        for index in 0..<20 {
            stage.submit {
                ran.lock(); started.append(index); ran.unlock()
                if index == 5 || index == 6 {
                    usleep(index == 5 ? 20_000 : 0)  // 6 fails first; 5 is still the one reported
                    throw Failure(index: index)
                }
                return index
            }
        }
        #expect(throws: Failure(index: 5)) { try stage.results() }
        ran.lock()
        // A failure is recorded before its job frees a slot, so no job submitted after job 6 ran.
        #expect(started.allSatisfy { $0 <= 6 })
        ran.unlock()
    }
}
