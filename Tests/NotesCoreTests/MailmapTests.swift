@testable import NotesCore
import Testing

@Suite("mailmap")
struct MailmapTests {
    let mailmap = Mailmap("""
        # comment
        Ada Lovelace <ada@example.com>
        <ada@example.com> <ada@old.example.com>
        Ada Lovelace <ada@example.com> Ada L <ada@laptop.local>
        Bob <bob@example.com>  # trailing comment
        """)

    @Test("the forms git reads", arguments: [
        ("ada", "ADA@example.com", "Ada Lovelace", "ADA@example.com"),
        ("Ada (old)", "ada@old.example.com", "Ada (old)", "ada@example.com"),
        ("Ada L", "ada@laptop.local", "Ada Lovelace", "ada@example.com"),
        ("Someone", "ada@laptop.local", "Someone", "ada@laptop.local"),
        ("bobby", "bob@example.com", "Bob", "bob@example.com"),
        ("Eve", "eve@example.com", "Eve", "eve@example.com"),
    ])
    func resolves(name: String, email: String, properName: String, properEmail: String) {
        let person = mailmap.resolve(name: name, email: email)
        #expect(person.name == properName && person.email == properEmail)
    }
}
