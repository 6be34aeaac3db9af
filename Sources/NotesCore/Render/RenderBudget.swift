/// The work one render may do, counted in list items handed to the template: a template from the repository
/// with `{{#commits}}` sections nested 5 deep over 40 commits asked for 40^5 (10^8) iterations, 8 deep for
/// 6.5×10^12, and notes ran without end. Every list a view gives the renderer (``templateObjects(_:)``) is
/// charged to the budget of the render in progress; once it is spent every further list is empty, so the
/// render winds down at once, and ``TemplateRenderer/render(_:)`` fails with a template error (exit 4)
/// naming the template's most deeply nested section.
///
/// The budget is linear in the view model: ``floor`` items, plus ``itemsPerViewItem`` for every item of
/// every list of the view model counted once (``TemplateSized``). A template may go over each list 16 times
/// (the built-in ones go over each once); nesting a list inside itself multiplies instead and is stopped.
final class RenderBudget: @unchecked Sendable {  // one render, one thread
    /// Items every render may iterate, however small its view model.
    static let floor = 200_000
    /// Items allowed per item of the view model.
    static let itemsPerViewItem = 16

    /// The budget of the render running on this thread; nil outside a render.
    @TaskLocal static var current: RenderBudget?

    /// The items this render may iterate.
    let limit: Int
    private var remaining: Int
    /// True once a list was refused.
    private(set) var exceeded = false
    /// The items charged so far (for tests: the work a refused render did).
    var charged: Int { limit - remaining }

    /// The budget for a view model of `viewItems` list items.
    init(viewItems: Int) {
        limit = RenderBudget.floor + RenderBudget.itemsPerViewItem * max(0, viewItems)
        remaining = limit
    }

    /// Charges `count` items; false (and from then on always false) when the budget is spent.
    @inline(__always)
    func charge(_ count: Int) -> Bool {
        if exceeded { return false }
        remaining -= count
        if remaining < 0 { exceeded = true }
        return !exceeded
    }
}

/// A view model that says how many list items it holds, each list counted once (nested lists included).
protocol TemplateSized {
    var templateItemCount: Int { get }
}

extension EntryView {
    var templateItemCount: Int { 1 + issues.count + commits.count }
}

extension Array where Element == EntryView {
    var templateItemCount: Int { reduce(0) { $0 + $1.templateItemCount } }
}

extension ReleaseContext: TemplateSized {
    var templateItemCount: Int {
        stats.total + sections.reduce(0) { $0 + 1 + $1.entries.templateItemCount } + breaking.templateItemCount
            + issues.count + contributors.count
    }
}

extension ChangelogEntryView: TemplateSized {
    var templateItemCount: Int {
        sections.reduce(0) { $0 + 1 + $1.entries.templateItemCount } + issues.count + contributors.count
    }
}

extension ReadmeEntryView: TemplateSized {
    var templateItemCount: Int {
        breaking.templateItemCount + features.templateItemCount + fixes.templateItemCount + lines.count
    }
}

extension TodoView: TemplateSized {
    var templateItemCount: Int {
        channels.count + issues.count + breaking.templateItemCount + features.templateItemCount
            + featureGroup.templateItemCount + tasks.count + hotfixBranches.count
    }
}
