using FsCheck;
using FsCheck.Fluent;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Plan;

/// <summary>
/// Random changes to an example program (constraints set and cleared, items renamed with characters YAML must quote,
/// links added and removed, items added and removed), carried into the example's text by <see cref="PlanFileEditor.Sync"/>:
/// the edited text reads back, without a diagnostic, as the intended program, and every comment of the file survives.
/// </summary>
public class PlanFileEditorProperties
{
    private static readonly string[] Names = ["Plain name", "Colon: in it", "Hash # mark", "'quoted'", "Comma, and [brackets]", "- dash first", "yes", "12", "Ünïcode ✓"];

    private static readonly Arbitrary<(int Seed, int Edits, string Example)> Specs =
        (from seed in Gen.Choose(0, int.MaxValue)
         from edits in Gen.Choose(1, 12)
         from example in Gen.Elements("product-launch.tl.yaml", "cloud-migration.tl.yaml")
         select (seed, edits, example)).ToArbitrary();

    // 40 cases: each parses the 1,700-line example once per edit; 100 cases took 55 s on the shared 2-core machine.
    [Fact]
    public void Random_edits_applied_to_the_text_read_back_as_the_intended_program() =>
        Prop.ForAll(Specs, spec =>
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Examples, spec.Example));
            var before = PlanReader.Read(text, spec.Example).Program!;
            var (intended, removesLines) = Mutate(before, new Random(spec.Seed), spec.Edits);

            var edited = PlanFileEditor.Sync(text, before, intended);
            var reread = PlanReader.Read(edited, spec.Example);

            reread.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
            PlanWriter.Write(reread.Program!).ShouldBe(PlanWriter.Write(intended));
            if (!removesLines)
            {
                // A comment on a removed field's or item's lines goes with it; with nothing removed, every comment stays.
                foreach (var comment in Comments(text).Distinct())
                {
                    Occurrences(edited, comment).ShouldBeGreaterThanOrEqualTo(Occurrences(text, comment), comment);
                }
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));

    private static (Program Intended, bool RemovesLines) Mutate(Program program, Random random, int edits)
    {
        var removesLines = false;
        var items = program.WorkItems.ToList();
        var links = program.Dependencies.ToList();
        var added = 0;
        for (var n = 0; n < edits; n++)
        {
            var leaves = items.Where(i => items.All(c => c.Parent != i.Id)).ToList();
            var pick = leaves[random.Next(leaves.Count)];
            var index = items.IndexOf(pick);
            switch (random.Next(6))
            {
                case 0:
                    items[index] = pick with { Constraint = new Constraint(ConstraintType.StartNoEarlierThan, program.Start.ToDateTime(TimeOnly.MinValue).AddDays(random.Next(1, 200)).AddHours(8)) };
                    break;
                case 1:
                    removesLines |= pick.Constraint.Type != ConstraintType.AsSoonAsPossible;
                    items[index] = pick with { Constraint = Constraint.AsSoonAsPossible };
                    break;
                case 2:
                    items[index] = pick with { Name = Names[random.Next(Names.Length)] };
                    break;
                case 3:
                    // Only forward along the file's order among leaves not yet linked, so no cycle can form.
                    var order = Topological(items, links);
                    var from = leaves[random.Next(leaves.Count)];
                    var to = leaves[random.Next(leaves.Count)];
                    if (order[from.Id] < order[to.Id] && !links.Any(l => l.Predecessor == from.Id && l.Successor == to.Id) && from.Parent != to.Id && to.Parent != from.Id)
                    {
                        links.Add(new Dependency(from.Id, to.Id, random.Next(2) == 0 ? DependencyType.FinishToStart : DependencyType.StartToStart, Lag.None));
                    }

                    break;
                case 4:
                    if (links.Count > 0)
                    {
                        removesLines = true;
                        links.RemoveAt(random.Next(links.Count));
                    }

                    break;
                default:
                    if (random.Next(2) == 0 && !IsReferenced(program, pick.Id) && items.Count(i => i.Parent == pick.Parent && i.Project == pick.Project) > 1)
                    {
                        removesLines = true;
                        items.RemoveAt(index);
                        links.RemoveAll(l => l.Predecessor == pick.Id || l.Successor == pick.Id);
                    }
                    else
                    {
                        var project = program.Projects[random.Next(program.Projects.Count)];
                        var id = new WorkItemId($"new-{added++}");
                        items.Add(new WorkItem(id, Names[random.Next(Names.Length)], project.Id) { Estimate = Estimate.Single(new WorkDuration(random.Next(1, 9) * (long)program.Units.MinutesPerDay)) });
                        links.Add(Dependency.FinishToStart(pick.Id, id));
                    }

                    break;
            }
        }

        // The reader lists links by successor in file order; the intended program lists them the same way.
        var position = items.Select((item, i) => (item.Id, i)).ToDictionary(p => p.Id, p => p.i);
        return (program with { WorkItems = items, Dependencies = links.OrderBy(l => position[l.Successor]).ToList() }, removesLines);
    }

    private static Dictionary<WorkItemId, int> Topological(List<WorkItem> items, List<Dependency> links)
    {
        var order = new Dictionary<WorkItemId, int>();
        var incoming = items.ToDictionary(i => i.Id, _ => 0);
        foreach (var link in links.Where(l => incoming.ContainsKey(l.Successor) && incoming.ContainsKey(l.Predecessor)))
        {
            incoming[link.Successor]++;
        }

        var ready = new Queue<WorkItemId>(items.Where(i => incoming[i.Id] == 0).Select(i => i.Id));
        while (ready.TryDequeue(out var id))
        {
            order[id] = order.Count;
            foreach (var link in links.Where(l => l.Predecessor == id && incoming.ContainsKey(l.Successor)))
            {
                if (--incoming[link.Successor] == 0)
                {
                    ready.Enqueue(link.Successor);
                }
            }
        }

        // Items in summaries' cycles of roll-up are not in the order; they take no new links.
        foreach (var item in items.Where(i => !order.ContainsKey(i.Id)))
        {
            order[item.Id] = int.MaxValue;
        }

        return order;
    }

    private static bool IsReferenced(Program program, WorkItemId id) =>
        program.Risks.Any(r => r.LinkedItems.Contains(id))
        || program.Decisions.Any(d => d.Blocks.Contains(id))
        || program.TechDecisions.Any(t => t.Items.Contains(id));

    private static List<string> Comments(string text) =>
        text.Split('\n').Select(l => l.IndexOf(" #", StringComparison.Ordinal) is var at and >= 0 && !l.TrimStart().StartsWith('#') ? l[(at + 1)..] : l.TrimStart())
            .Where(l => l.StartsWith('#')).ToList();

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
