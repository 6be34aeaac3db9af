import Foundation
import NotesGit
import Testing

@Suite struct WalkTests {
    @Test func walksLinearHistoryNewestFirst() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(5)
        #expect(try test.messages(including: [ids[4]]) == ["c5", "c4", "c3", "c2", "c1"])
        #expect(try test.messages(including: [ids[4]], excluding: [ids[1]]) == ["c5", "c4", "c3"])
        #expect(try test.messages(including: [ids[2]], excluding: [ids[4]]) == [])
        #expect(try test.messages(including: [ids[4]], excluding: [ids[4]]) == [])
        #expect(try test.messages(including: [], excluding: []) == [])
        #expect(try test.messages(including: [ids[4], ids[4], ids[3]]) == ["c5", "c4", "c3", "c2", "c1"])
    }

    /// A(100) - B(200, v1) - C(400) ------- M(600)
    ///  \                                  /
    ///   F1(300) ------------------ F2(500)
    struct Merge {
        let test: TestRepository
        let a, b, c, f1, f2, m: CommitID
        init() throws {
            test = try TestRepository()
            a = try test.commit("A", time: 100)
            b = try test.commit("B", time: 200)
            f1 = try test.commit("F1", time: 300, parents: [a], updateRef: nil)
            c = try test.commit("C", time: 400)
            f2 = try test.commit("F2", time: 500, parents: [f1], updateRef: nil)
            m = try test.commit("M", time: 600, parents: [c, f2])
            try test.repository.createLightweightTag(named: "v1", target: b)
        }
    }

    @Test func includesBothSidesOfAMerge() throws {
        let merge = try Merge()
        #expect(try merge.test.messages(including: [merge.m]) == ["M", "F2", "C", "F1", "B", "A"])
    }

    @Test func excludesAcrossMerges() throws {
        let merge = try Merge()
        let test = merge.test
        let v1 = try test.repository.resolveCommit("v1")
        #expect(try test.messages(including: [merge.m], excluding: [v1]) == ["M", "F2", "C", "F1"])
        #expect(try test.messages(including: [merge.m], excluding: [merge.f2]) == ["M", "C", "B"])
        #expect(try test.messages(including: [merge.m], excluding: [merge.c]) == ["M", "F2", "F1"])
        #expect(try test.messages(including: [merge.m], excluding: [merge.f1, merge.b]) == ["M", "F2", "C"])
        #expect(try test.messages(including: [merge.c, merge.f2], excluding: [merge.a]) == ["F2", "C", "F1", "B"])
        #expect(try test.messages(including: [merge.f2], excluding: [merge.m]) == [])
    }

    @Test func keepsInsertionOrderOnEqualTimes() throws {
        let test = try TestRepository()
        let root = try test.commit("R", time: 100)
        let p1 = try test.commit("P1", time: 500, parents: [root], updateRef: nil)
        let p2 = try test.commit("P2", time: 500, parents: [root], updateRef: nil)
        let m12 = try test.commit("M12", time: 600, parents: [p1, p2], updateRef: nil)
        let m21 = try test.commit("M21", time: 600, parents: [p2, p1], updateRef: nil)
        #expect(try test.messages(including: [m12]) == ["M12", "P1", "P2", "R"])
        #expect(try test.messages(including: [m21]) == ["M21", "P2", "P1", "R"])
        #expect(try test.messages(including: [p2, p1]) == ["P2", "P1", "R"])
    }

    @Test func stopsWhenAsked() throws {
        let test = try TestRepository()
        let ids = try test.linearHistory(20)
        var seen = [CommitID]()
        try test.repository.walk(including: [ids[19]], excluding: []) { commit in
            seen.append(commit.id)
            return seen.count == 2 ? .stop : .continue
        }
        #expect(seen == [ids[19], ids[18]])
    }

    @Test func passesBodyErrorsThrough() throws {
        struct Boom: Error {}
        let test = try TestRepository()
        let ids = try test.linearHistory(3)
        #expect(throws: Boom.self) {
            try test.repository.walk(including: [ids[2]], excluding: []) { _ in throw Boom() }
        }
    }

    /// I(100) - A(90) - B(80) - R(70), and an excluded E(50) whose parent is B: E's clock was behind.
    /// git log E..I shows I and A; a walker that trusts times alone would also hand out B and R.
    @Test func absorbsShallowClockSkew() throws {
        let test = try TestRepository()
        let r = try test.commit("R", time: 70)
        let b = try test.commit("B", time: 80, parents: [r])
        let a = try test.commit("A", time: 90, parents: [b])
        let i = try test.commit("I", time: 100, parents: [a])
        let e = try test.commit("E", time: 50, parents: [b], updateRef: nil)
        #expect(try test.messages(including: [i], excluding: [e]) == ["I", "A"])
    }

    /// Random merge-heavy histories with monotone times: the walk equals reachable(including) minus
    /// reachable(excluding), newest first.
    @Test(arguments: [1, 2, 3, 4])
    func matchesSetDifferenceOnRandomHistories(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let test = try TestRepository()
        var ids = [CommitID]()
        var parentsOf = [CommitID: [CommitID]]()
        var timeOf = [CommitID: Int64]()
        for index in 0..<120 {
            var parents = [CommitID]()
            if !ids.isEmpty {
                parents.append(ids[ids.count - 1 - Int(random.next() % UInt64(min(ids.count, 6)))])
                if random.next() % 4 == 0 {
                    let other = ids[Int(random.next() % UInt64(ids.count))]
                    if !parents.contains(other) { parents.append(other) }
                }
            }
            let id = try test.commit("n\(index)", time: 1000 + Int64(index) * 10, parents: parents, updateRef: nil)
            ids.append(id)
            parentsOf[id] = parents
            timeOf[id] = 1000 + Int64(index) * 10
        }
        func reachable(_ tips: [CommitID]) -> Set<CommitID> {
            var seen = Set<CommitID>()
            var stack = tips
            while let id = stack.popLast() {
                guard seen.insert(id).inserted else { continue }
                stack.append(contentsOf: parentsOf[id] ?? [])
            }
            return seen
        }
        for _ in 0..<10 {
            let including = (0..<2).map { _ in ids[60 + Int(random.next() % 60)] }
            let excluding = (0..<Int(random.next() % 3)).map { _ in ids[Int(random.next() % 100)] }
            let expected = reachable(including).subtracting(reachable(excluding))
                .sorted { timeOf[$0, default: 0] > timeOf[$1, default: 0] }
            var walked = [CommitID]()
            try test.repository.walk(including: including, excluding: excluding) { commit in
                walked.append(commit.id)
                #expect(commit.parents == parentsOf[commit.id])
                return .continue
            }
            #expect(walked == expected)
        }
    }
}

/// A small deterministic random number generator for reproducible histories.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
