@testable import NotesCore
import Testing

@Suite("Mailmap")
struct MailmapTests {
    static let text = """
        # comment
        Proper Name <proper@example.com>
        <new@example.com> <old@example.com>
        Jane Doe <jane@example.com> <jd@old.example>
        Jane Doe <jane@example.com> J <j@laptop.example>
        """

    @Test("the forms of a .mailmap line", arguments: [
        ("someone", "proper@example.com", "Proper Name", "proper@example.com"),
        ("Old", "OLD@example.com", "Old", "new@example.com"),
        ("jd", "jd@old.example", "Jane Doe", "jane@example.com"),
        ("J", "j@laptop.example", "Jane Doe", "jane@example.com"),
        ("K", "j@laptop.example", "K", "j@laptop.example"),
    ] as [(String, String, String, String)])
    func resolves(name: String, email: String, properName: String, properEmail: String) {
        let resolved = Mailmap(Self.text).resolve(name: name, email: email)
        #expect(resolved.name == properName)
        #expect(resolved.email == properEmail)
    }
}
