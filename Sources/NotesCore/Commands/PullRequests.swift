/// The pull request numbers a release's commits name: the squash-merge suffix (`feat: x (#231)`) and
/// `Merge pull request #245 from …`. A pull request is not an issue to close: `notes todo` leaves these
/// out of its issue tasks unless a closing keyword closes them.
enum PullRequests {
    static func numbers(in notes: ReleaseNotes) -> Set<Int> {
        var numbers = Set<Int>()
        for item in notes.commits {
            let subject = item.record.subject
            if let number = SquashSuffix.split(subject).number { numbers.insert(number) }
            let merge = "Merge pull request #"
            if subject.hasPrefix(merge) {
                let digits = subject.dropFirst(merge.count).prefix { $0.isASCIIDigit }
                if let number = Int(digits) { numbers.insert(number) }
            }
        }
        return numbers
    }
}
