import NotesCore
import Testing

/// A description and how it splits into text and squash-merge number.
struct SquashCase: Sendable, CustomTestStringConvertible {
    var input: String
    var text: String
    var number: Int?
    var testDescription: String { input }
}

@Suite("SquashSuffix")
struct SquashSuffixTests {
    static let cases: [SquashCase] = [
        SquashCase(input: "add parser (#123)", text: "add parser", number: 123),
        SquashCase(input: "add parser (#123)  ", text: "add parser", number: 123),
        SquashCase(input: "add parser  (#7)", text: "add parser", number: 7),
        SquashCase(input: "x (#1) (#2)", text: "x (#1)", number: 2),
        SquashCase(input: "(#9)", text: "", number: 9),
        SquashCase(input: "add parser", text: "add parser", number: nil),
        SquashCase(input: "call f(#2)", text: "call f(#2)", number: nil),
        SquashCase(input: "see (#12) later", text: "see (#12) later", number: nil),
        SquashCase(input: "odd (#)", text: "odd (#)", number: nil),
        SquashCase(input: "odd (#12a)", text: "odd (#12a)", number: nil),
        SquashCase(input: "odd (12)", text: "odd (12)", number: nil),
        SquashCase(input: "huge (#99999999999999999999)", text: "huge (#99999999999999999999)", number: nil),
        SquashCase(input: "", text: "", number: nil),
        SquashCase(input: "ünïcode (#5)", text: "ünïcode", number: 5),
    ]

    @Test("splits", arguments: cases)
    func splits(_ example: SquashCase) {
        let result = SquashSuffix.split(example.input)
        #expect(result.text == example.text)
        #expect(result.number == example.number)
    }
}
