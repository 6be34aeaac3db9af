/// A match: the text of the whole match (group 0) and of each capture group (nil when it took no part).
public struct RegexMatch: Sendable, Equatable {
    /// Group 0 is the whole match; groups 1… in the order of their opening parenthesis.
    public var groups: [String?]
    /// Where the whole match is, in Unicode scalars from the input's start.
    public var range: Range<Int>
}

extension LinearRegex {
    /// True when the pattern matches somewhere in `text`.
    public func matches(_ text: String) -> Bool {
        var steps = 0
        return run(Array(text.unicodeScalars), slotCount: 0, steps: &steps) != nil
    }

    /// The leftmost match in `text`, with its groups, as a backtracking engine would choose it.
    public func firstMatch(in text: String) -> RegexMatch? {
        var steps = 0
        let input = Array(text.unicodeScalars)
        guard let slots = run(input, slotCount: 2 * (groupCount + 1) + loopCount, steps: &steps) else { return nil }
        var groups: [String?] = []
        for group in 0...groupCount {
            let start = slots[2 * group], end = slots[2 * group + 1]
            if start >= 0, end >= start {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: input[start..<end])
                groups.append(String(view))
            } else {
                groups.append(nil)
            }
        }
        return RegexMatch(groups: groups, range: slots[0]..<slots[1])
    }

    /// Whether it matches and the steps the machine took: at most `3 × (program size + 1) × (scalars + 1)`
    /// (a visit and a step per instruction and position, and the loop ends each instruction leads to). For
    /// tests that prove the bound without timing anything.
    public func matchWithWork(_ text: String) -> (matched: Bool, steps: Int, bound: Int) {
        var steps = 0
        let input = Array(text.unicodeScalars)
        let matched = run(input, slotCount: 2 * (groupCount + 1) + loopCount, steps: &steps) != nil
        return (matched, steps, 3 * (program.count + 1) * (input.count + 1))
    }

    /// `template` with `$0`…`$n` replaced by the match's groups (`$12` is group 12 when there are that many,
    /// else group 1 and a `2`; a group that took no part is empty) and `\x` read as `x`: the template syntax
    /// of `NSRegularExpression.replacementString`, for a `[[rule]]`'s `description`.
    public func expand(_ template: String, with match: RegexMatch) -> String {
        var result = String.UnicodeScalarView()
        let scalars = Array(template.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "\\", index + 1 < scalars.count {
                result.append(scalars[index + 1])
                index += 2
                continue
            }
            if scalar == "$", index + 1 < scalars.count, Self.digit(scalars[index + 1]) != nil {
                var group = 0
                var next = index + 1
                while next < scalars.count, let digit = Self.digit(scalars[next]),
                      next == index + 1 || group * 10 + digit <= groupCount {
                    group = group * 10 + digit
                    next += 1
                    if group > groupCount { break }
                }
                if group < match.groups.count, let text = match.groups[group] { result.append(contentsOf: text.unicodeScalars) }
                index = next
                continue
            }
            result.append(scalar)
            index += 1
        }
        return String(result)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        scalar.value >= 0x30 && scalar.value <= 0x39 ? Int(scalar.value - 0x30) : nil
    }

    /// The Pike VM. Threads are kept in priority order, at most one per instruction per position; the first
    /// thread to reach `match` wins and cuts the threads below it. With `slotCount` 0 it only answers whether
    /// there is a match and stops at the first one; else it returns the capture slots (start, end per group).
    func run(_ input: [Unicode.Scalar], slotCount: Int, steps: inout Int) -> [Int]? {
        let count = input.count
        var current = ThreadList(size: program.count, slotCount: slotCount)
        var next = ThreadList(size: program.count, slotCount: slotCount)
        var working = [Int](repeating: -1, count: slotCount)
        var stack: [Frame] = []
        var matched: [Int]?
        let context = AssertionContext(input: input, needsWords: usesWordBoundaries)
        var position = 0
        while true {
            if matched == nil && (position == 0 || !anchoredAtStart) {
                for slot in 0..<slotCount { working[slot] = -1 }
                add(&current, pc: 0, position: position, working: &working, stack: &stack, context: context, steps: &steps)
            }
            if current.count == 0 && (matched != nil || anchoredAtStart) { break }
            let scalar: Unicode.Scalar? = position < count ? input[position] : nil
            next.clear()
            var thread = 0
            threads: while thread < current.count {
                let pc = current.dense[thread]
                steps += 1
                var advances = false
                switch program[pc] {
                case .match:
                    if slotCount == 0 { return [] }
                    matched = current.slots(of: thread)
                    break threads
                case .scalar(let expected):
                    advances = scalar == expected
                case .folded(let expected):
                    advances = scalar.map { RegexCase.fold($0) == expected } ?? false
                case .set(let index):
                    advances = scalar.map { sets[index].contains($0) } ?? false
                case .any:
                    advances = scalar != nil
                case .anyButTerminator:
                    advances = scalar.map { !AssertionContext.isTerminator($0) } ?? false
                case .split, .jump, .save, .assertion, .mark, .loopBack:
                    break
                }
                if advances {
                    current.copySlots(of: thread, into: &working)
                    add(&next, pc: pc + 1, position: position + 1, working: &working, stack: &stack, context: context,
                        steps: &steps)
                }
                thread += 1
            }
            if position >= count { break }
            swap(&current, &next)
            position += 1
        }
        return matched
    }

    private enum Frame {
        case visit(Int)
        case restore(slot: Int, value: Int)
    }

    /// Follows jumps, splits, saves and assertions from `pc` at `position` and adds every instruction reached
    /// to `list`, in priority order, each once.
    private func add(_ list: inout ThreadList, pc start: Int, position: Int, working: inout [Int], stack: inout [Frame],
                     context: AssertionContext, steps: inout Int) {
        stack.append(.visit(start))
        while let frame = stack.popLast() {
            switch frame {
            case .restore(let slot, let value):
                working[slot] = value
            case .visit(let pc):
                // The end of a loop's iteration is not a thread of its own: two threads reach it at one position,
                // one after a non-empty iteration (back to the loop) and one after an empty one (out of it, as
                // ICU), and the second must not be dropped as a repeat of the first. Each visit comes from
                // an instruction visited once per position, so the work stays bounded.
                if case .loopBack(let loop, let start, let exit) = program[pc] {
                    steps += 1
                    let slot = 2 * (groupCount + 1) + loop
                    stack.append(.visit(slot < working.count && working[slot] == position ? exit : start))
                    continue
                }
                guard !list.contains(pc) else { continue }
                list.insert(pc, slots: working)
                steps += 1
                switch program[pc] {
                case .jump(let target):
                    stack.append(.visit(target))
                case .split(let first, let second):
                    stack.append(.visit(second))
                    stack.append(.visit(first))
                case .save(let slot):
                    if slot < working.count {
                        stack.append(.restore(slot: slot, value: working[slot]))
                        working[slot] = position
                    }
                    stack.append(.visit(pc + 1))
                case .assertion(let kind):
                    if context.holds(kind, at: position) { stack.append(.visit(pc + 1)) }
                case .mark(let loop):
                    // Without slots (a yes/no question) the empty iteration dies on the loop's split: whether
                    // there is a match does not depend on it.
                    let slot = 2 * (groupCount + 1) + loop
                    if slot < working.count {
                        stack.append(.restore(slot: slot, value: working[slot]))
                        working[slot] = position
                    }
                    stack.append(.visit(pc + 1))

                default:
                    break
                }
            }
        }
    }
}

/// The threads at one position: a sparse set of instruction indexes (Briggs and Torczon), in insertion
/// order, each with its capture slots.
struct ThreadList {
    var dense: [Int]
    var sparse: [Int]
    var slots: [Int]
    var count = 0
    let slotCount: Int

    init(size: Int, slotCount: Int) {
        dense = [Int](repeating: 0, count: size)
        sparse = [Int](repeating: 0, count: size)
        slots = [Int](repeating: -1, count: size * slotCount)
        self.slotCount = slotCount
    }

    func contains(_ pc: Int) -> Bool {
        let index = sparse[pc]
        return index < count && dense[index] == pc
    }

    mutating func insert(_ pc: Int, slots values: [Int]) {
        sparse[pc] = count
        dense[count] = pc
        if slotCount > 0 {
            let base = count * slotCount
            for slot in 0..<slotCount { slots[base + slot] = values[slot] }
        }
        count += 1
    }

    mutating func clear() { count = 0 }

    func slots(of thread: Int) -> [Int] {
        Array(slots[thread * slotCount..<(thread + 1) * slotCount])
    }

    func copySlots(of thread: Int, into working: inout [Int]) {
        let base = thread * slotCount
        for slot in 0..<slotCount { working[slot] = slots[base + slot] }
    }
}

/// What the zero-width assertions look at, with ICU's meaning of line terminators and word boundaries.
struct AssertionContext {
    let input: [Unicode.Scalar]
    /// For `\b`: whether the last character before each position that is not a combining mark or format
    /// character is a word character (one pass, so `\b` costs O(1) per position).
    let wordBefore: [Bool]

    init(input: [Unicode.Scalar], needsWords: Bool) {
        self.input = input
        guard needsWords else {
            wordBefore = []
            return
        }
        var before = [Bool](repeating: false, count: input.count + 1)
        var last = false
        for (index, scalar) in input.enumerated() {
            before[index] = last
            if !AssertionContext.isExtending(scalar) { last = ScalarClass.isWord(scalar) }
        }
        before[input.count] = last
        wordBefore = before
    }

    /// ICU's line terminators: LF, VT, FF, CR, NEL, LS, PS.
    static func isTerminator(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x0A && value <= 0x0D) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    static func isExtending(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .format
    }

    func holds(_ kind: RegexAssertion, at position: Int) -> Bool {
        let count = input.count
        switch kind {
        case .inputStart:
            return position == 0
        case .inputEnd:
            return position == count
        case .inputEndBeforeFinalTerminator:
            if position == count { return true }
            let scalar = input[position]
            if position + 1 == count {
                return Self.isTerminator(scalar) && !(scalar == "\n" && position > 0 && input[position - 1] == "\r")
            }
            return position + 2 == count && scalar == "\r" && input[position + 1] == "\n"
        case .lineStart:
            return position == 0 || (position < count && Self.isTerminator(input[position - 1]))
        case .lineEnd:
            if position == count { return true }
            let scalar = input[position]
            return Self.isTerminator(scalar) && !(scalar == "\n" && position > 0 && input[position - 1] == "\r")
        case .wordBoundary, .notWordBoundary:
            var boundary = false
            if position < count && Self.isExtending(input[position]) {
                boundary = false
            } else {
                let after = position < count && ScalarClass.isWord(input[position])
                boundary = after != wordBefore[position]
            }
            return kind == .wordBoundary ? boundary : !boundary
        }
    }
}
