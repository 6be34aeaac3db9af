@testable import NotesCore
import NotesGit
import Testing

@Suite("merge pull requests: the commits each merge brought in")
struct MergePullRequestsTests {
    /// The definition, quadratic: reachable from the second parent and not from the first, oldest merge first.
    static func reference(_ commits: [CommitRecord]) -> [CommitID: Int] {
        var byID: [CommitID: CommitRecord] = [:]
        for record in commits { byID[record.id] = record }
        func ancestors(_ start: CommitID) -> Set<CommitID> {
            var seen: Set<CommitID> = []
            var stack = [start]
            while let id = stack.popLast() {
                guard seen.insert(id).inserted, let record = byID[id] else { continue }
                stack.append(contentsOf: record.parents)
            }
            return seen
        }
        var result: [CommitID: Int] = [:]
        for merge in commits.reversed() where merge.parents.count > 1 {
            guard let number = MergePullRequests.number(in: merge.subject) else { continue }
            let base = ancestors(merge.parents[0])
            for id in ancestors(merge.parents[1]).subtracting(base) {
                if let record = byID[id], !record.isMerge, result[id] == nil { result[id] = number }
            }
        }
        return result
    }

    /// A history of `count` commits: a main line, topic branches forking from older main commits (some from
    /// other topics), merged as pull requests or plain merges; newest first, as the walk gives them.
    static func history(seed: UInt64, count: Int) -> [CommitRecord] {
        var state = seed
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var commits: [CommitRecord] = []
        var mainTip: CommitID?
        var topics: [CommitID] = []
        func make(_ subject: String, _ parents: [CommitID]) -> CommitID {
            let number = commits.count + 1
            let hex = String(repeating: "0", count: 40 - String(number, radix: 16).count) + String(number, radix: 16)
            let id = CommitID(hex: hex)!
            let signature = Signature(name: "A", email: "a@x", time: Int64(number), offsetMinutes: 0)
            commits.append(CommitRecord(RawCommit(id: id, parents: parents, author: signature, committer: signature,
                                                  message: Array(subject.utf8), encoding: nil)))
            return id
        }
        while commits.count < count {
            switch random(6) {
            case 0:
                let from = topics.isEmpty || random(2) == 0 ? mainTip : topics[random(topics.count)]
                topics.append(make("feat: topic", from.map { [$0] } ?? []))
            case 1 where !topics.isEmpty:
                let index = random(topics.count)
                topics[index] = make("fix: topic", [topics[index]])
            case 2 where !topics.isEmpty && mainTip != nil:
                let topic = topics.remove(at: random(topics.count))
                let subject = random(3) == 0 ? "Merge branch 'x'" : "Merge pull request #\(commits.count) from a/b"
                mainTip = make(subject, [mainTip!, topic])
            default:
                mainTip = make("chore: main", mainTip.map { [$0] } ?? [])
            }
        }
        return commits.reversed()
    }

    @Test("the painted walk finds what the definition says", arguments: 1...30)
    func agrees(seed: Int) {
        let commits = Self.history(seed: UInt64(seed), count: 40 + seed * 7)
        let numbers = MergePullRequests.numbers(in: commits).mapValues(\.number)
        #expect(numbers == Self.reference(commits))
        if seed == 30 { #expect(!numbers.isEmpty, "the generated history has pull requests") }
    }
}
