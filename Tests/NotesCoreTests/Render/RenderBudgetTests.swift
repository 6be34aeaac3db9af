import Foundation
@testable import NotesCore
import Testing

@Suite("A render's work is bounded")
struct RenderBudgetTests {
    static func context(commits: Int) -> ReleaseContext {
        let records = (0..<commits).map { Sample.commit("fix: change \($0) (#\($0 + 1))", seed: $0) }
        return ReleaseContext(notes: ReleaseBuilder.build(info: Sample.info, commits: records), links: nil)
    }

    static func nested(_ depth: Int) -> TemplateSource {
        let open = (0..<depth).map { _ in "{{#commits}}" }.joined(separator: "\n")
        let close = (0..<depth).map { _ in "{{/commits}}" }.joined(separator: "\n")
        return TemplateSource(displayName: "deep.md", text: "# {{release.title}}\n" + open + "{{subject}}\n" + close + "\n")
    }

    @Test("{{#commits}} nested over 40 commits: up to 3 deep renders, deeper fails at once naming the line",
          arguments: 1...8)
    func nestedCommits(depth: Int) throws {
        let context = Self.context(commits: 40)
        let renderer = try TemplateRenderer(Self.nested(depth))
        let budget = RenderBudget(viewItems: context.templateItemCount)
        if depth <= 3 {
            let text = try renderer.render(context, budget: budget)
            #expect(text.components(separatedBy: "\n").count > Int(pow(40.0, Double(depth))))
        } else {
            // Before: 40^depth iterations (10^8 at 5 deep, 6.5×10^12 at 8), no bound.
            #expect(throws: NotesError.self) { try renderer.render(context, budget: budget) }
            do {
                _ = try renderer.render(context, budget: RenderBudget(viewItems: context.templateItemCount))
            } catch let error as NotesError {
                #expect(error.exitCode == .template)
                #expect(error.message.hasPrefix("deep.md:\(depth + 1): the template iterates more than"))
                #expect(error.message.contains("section \"commits\" is nested \(depth) deep"))
            }
            // The work done before stopping: the budget and at most one more list per level.
            #expect(budget.charged <= budget.limit + 40 * depth)
        }
    }

    @Test("the built-in templates stay far inside the budget on a large release")
    func builtinsFit() throws {
        let context = Self.context(commits: 3_000)
        let renderer = try TemplateRenderer(try #require(TemplateSource.builtin("release-notes.md")))
        let budget = RenderBudget(viewItems: context.templateItemCount)
        _ = try renderer.render(context, budget: budget)
        #expect(!budget.exceeded && budget.charged * 8 < budget.limit, "\(budget.charged) of \(budget.limit)")
    }
}
