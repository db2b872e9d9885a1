using Throughline.Domain;
using YamlDotNet.RepresentationModel;

namespace Throughline.Interop.Plan;

// Carrying a changed program back into the file it was read from.
public sealed partial class PlanFileEditor
{
    /// <summary>
    /// The text of the plan read as <paramref name="before"/>, changed by minimal edits so that it reads as
    /// <paramref name="after"/>: work items removed, added, or with changed fields, and links added or removed. Fields
    /// that did not change keep their text exactly (a <c>32h</c> estimate is not rewritten as <c>4d</c>); changed ones
    /// are written as <see cref="PlanWriter"/> writes them.
    /// </summary>
    /// <remarks>
    /// Covers what tools change in a plan (leveling's constraints, a tracker's status and progress, an import's new
    /// items); other sections (teams, risks, budget) are left as they are in the file.
    /// </remarks>
    public static string Sync(string text, Program before, Program after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var editor = Open(text) ?? throw new ArgumentException("the text is not a plan", nameof(text));
        var beforeItems = before.WorkItems.ToDictionary(i => i.Id);
        var afterItems = after.WorkItems.ToDictionary(i => i.Id);

        foreach (var item in before.WorkItems.Where(i => !afterItems.ContainsKey(i.Id)))
        {
            // Children go with their parent.
            if (item.Parent is not { } parent || afterItems.ContainsKey(parent))
            {
                editor = editor.RemoveItem(item.Id);
            }
        }

        var beforeLinks = before.Dependencies.ToLookup(d => d.Successor);
        var afterLinks = after.Dependencies.ToLookup(d => d.Successor);
        foreach (var item in after.WorkItems.Where(i => beforeItems.ContainsKey(i.Id)))
        {
            editor = editor.SyncFields(beforeItems[item.Id], before.Units, item, after.Units);
            var old = beforeLinks[item.Id].ToList();
            var now = afterLinks[item.Id].ToList();
            foreach (var link in old.Where(l => !now.Contains(l)))
            {
                editor = editor.RemoveLink(item.Id, link.Predecessor);
            }

            foreach (var link in now.Where(l => !old.Contains(l)))
            {
                editor = editor.AddLink(item.Id, PlanWriter.DependencyNode(link, after.Units));
            }
        }

        foreach (var item in after.WorkItems.Where(i => !beforeItems.ContainsKey(i.Id)))
        {
            // A new item's new children are written inside it.
            if (item.Parent is not { } parent || beforeItems.ContainsKey(parent))
            {
                editor = editor.AddItem(item.Project, item.Parent, PlanWriter.NewItem(item, after));
            }
        }

        return editor.Text;
    }

    private PlanFileEditor SyncFields(WorkItem before, WorkTimeUnits beforeUnits, WorkItem after, WorkTimeUnits afterUnits)
    {
        var old = PlanWriter.ItemFields(before, beforeUnits).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value);
        var now = PlanWriter.ItemFields(after, afterUnits).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value);
        var editor = this;
        foreach (var key in old.Keys.Union(now.Keys))
        {
            var was = old.GetValueOrDefault(key);
            var becomes = now.GetValueOrDefault(key);
            if (was is null || becomes is null || Inline(was) != Inline(becomes))
            {
                editor = editor.SetItemField(after.Id, key, becomes);
            }
        }

        return editor;
    }
}
