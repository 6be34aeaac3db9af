import Foundation
@testable import NotesGit
import Testing

/// libgit2 says "failed to lock file '….lock' for writing: " and stops; the error must end with a reason.
@Suite struct LockErrorTests {
    @Test func aHeldRefLockSaysWhoMayHoldItAndWhatToDo() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(1)
        let lock = test.path + "/.git/refs/tags/v1.0.0.lock"
        #expect(FileManager.default.createFile(atPath: lock, contents: Data()))
        do {
            try test.repository.createLightweightTag(named: "v1.0.0", target: ids[0])
            Issue.record("tagged despite the lock")
        } catch let error as GitError {
            #expect(!error.message.hasSuffix(": "))
            #expect(error.message.contains("v1.0.0.lock exists: another git process is running"), "\(error.message)")
        }
    }

    @Test(arguments: [("failed to lock file '/r/.git/index.lock' for writing: ", true),
                      ("failed to do x: ", false), ("all fine", false)])
    func messagesThatStopAtAColonAreCompleted(message: String, isLock: Bool) {
        let completed = GitError.completing(message, code: -1)
        #expect(!completed.hasSuffix(": "))
        #expect(completed.contains("/r/.git/index.lock exists") == isLock)
        if !message.hasSuffix(": ") { #expect(completed == message) }
    }
}
