using System.Diagnostics;
using System.Globalization;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Forecasting;
using Throughline.Scheduling.Leveling;
using DomainProgram = Throughline.Domain.Program;

namespace Throughline.Bench;

/// <summary>
/// Times <see cref="ProgramForecaster.Forecast"/> on a plan with capacity data, leveled (the default) and unleveled:
/// a plan file, or a generated program (<see cref="GeneratedProgram"/>). Risk ranking is off, so one forecast is one
/// Monte Carlo run of the given iterations (plus, leveled, the one leveling of the plan it starts from). Usage (see
/// docs/benchmarks.md):
/// <c>dotnet run -c Release --project bench/Throughline.Bench -- --capacity-forecast (FILE | --generated ITEMS PEOPLE) [--iterations N] [--threads N] [--runs N]</c>
/// </summary>
internal static class CapacityForecastBench
{
    public static void Run(string[] args)
    {
        DomainProgram? program = null;
        var iterations = 10_000;
        var runs = 3;
        var threads = new List<int>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--generated":
                    program = GeneratedProgram(int.Parse(args[++i], CultureInfo.InvariantCulture), int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--iterations":
                    iterations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads.Add(int.Parse(args[++i], CultureInfo.InvariantCulture));
                    break;
                case "--runs":
                    runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    program = PlanReader.ReadFile(args[i]).Program ?? throw new ArgumentException($"{args[i]} has errors.");
                    break;
            }
        }

        if (program is null)
        {
            throw new ArgumentException("Give a plan file or --generated ITEMS PEOPLE.");
        }

        if (threads.Count == 0)
        {
            threads.AddRange([2, 1]);
        }

        var levelClock = Stopwatch.StartNew();
        var leveling = ProgramLeveler.Level(program);
        levelClock.Stop();
        Console.WriteLine(FormattableString.Invariant($"capacity forecast: {program.Name}, {program.WorkItems.Count} items, {program.People.Count} people, {program.Teams.Count} teams, {leveling.Resources.Count} leveled resources, {iterations} iterations, {Environment.ProcessorCount} cores"));
        Console.WriteLine(FormattableString.Invariant($"leveling alone (ProgramLeveler.Level, one thread): {levelClock.Elapsed.TotalSeconds:F3} s"));
        Console.WriteLine(FormattableString.Invariant($"{"mode",10} {"threads",8} {"median s",9} {"min s",7} {"max s",7} {"CPU s",7} {"alloc MB",9} {"end P50",11} {"end P80",11}"));
        foreach (var unleveled in new[] { false, true })
        {
            foreach (var threadCount in threads)
            {
                var options = new ProgramForecastOptions { Iterations = iterations, Seed = 1, MaxDegreeOfParallelism = threadCount, RankRisks = false, Unleveled = unleveled };
                var times = new List<double>();
                var cpu = new List<double>();
                long allocated = 0;
                ProgramForecast? result = null;
                for (var run = 0; run < runs + 1; run++)
                {
                    GC.Collect();
                    var before = GC.GetTotalAllocatedBytes(precise: true);
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var clock = Stopwatch.StartNew();
                    result = ProgramForecaster.Forecast(program, options);
                    clock.Stop();
                    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

                    // The first run warms up the JIT and is not counted.
                    if (run > 0)
                    {
                        times.Add(clock.Elapsed.TotalSeconds);
                        cpu.Add(cpuSeconds);
                    }
                }

                times.Sort();
                cpu.Sort();
                var mode = result!.Leveled ? "leveled" : "unleveled";
                Console.WriteLine(FormattableString.Invariant($"{mode,10} {threadCount,8} {times[times.Count / 2],9:F3} {times[0],7:F3} {times[^1],7:F3} {cpu[cpu.Count / 2],7:F3} {allocated / 1e6,9:F1} {result.ProgramEnd.P50,11:yyyy-MM-dd} {result.ProgramEnd.P80,11:yyyy-MM-dd}"));
            }
        }
    }

    /// <summary>
    /// A program of <paramref name="items"/> work items and <paramref name="people"/> engineers (seed 42): teams of 8,
    /// one project per team, items of 1 to 10 days (three-point, 0.8 / 1 / 1.5) each assigned to one engineer of the
    /// project's team, each depending on one or two of the 30 items before it in its project, and every 100th item a
    /// committed milestone after the item before it.
    /// </summary>
    public static DomainProgram GeneratedProgram(int items, int people)
    {
        var random = new Random(42);
        var teamCount = Math.Max(1, people / 8);
        var teams = Enumerable.Range(0, teamCount).Select(t => new Team(new TeamId($"team-{t}"), $"Team {t}") { KtloPercent = 10 }).ToList();
        var persons = Enumerable.Range(0, people).Select(p => new Person(new PersonId($"p-{p}"), $"Person {p}", FunctionalRole.Engineer) { Team = teams[p % teamCount].Id }).ToList();
        var projects = teams.Select((t, k) => new Project(new ProjectId($"project-{k}"), $"Project {k}") { OwningTeam = t.Id }).ToList();
        var start = new DateOnly(2027, 1, 4);
        var workItems = new List<WorkItem>();
        var dependencies = new List<Dependency>();
        var byProject = projects.Select(_ => new List<WorkItemId>()).ToList();
        for (var i = 0; i < items; i++)
        {
            var k = random.Next(teamCount);
            var project = projects[k];
            var id = new WorkItemId($"w{i}");
            var earlier = byProject[k];
            WorkItem item;
            if (i % 100 == 99 && earlier.Count > 0)
            {
                item = new WorkItem(id, $"Milestone {i}", project.Id) { Kind = WorkItemKind.Milestone, Committed = start.AddDays(30 + (i / 4)) };
                dependencies.Add(new Dependency(earlier[^1], id, DependencyType.FinishToStart, Lag.None));
            }
            else
            {
                var days = random.Next(1, 11);
                var members = persons.Where(p => p.Team == project.OwningTeam).ToList();
                item = new WorkItem(id, $"Item {i}", project.Id)
                {
                    Estimate = new Estimate(new WorkDuration(days * 480 * 8 / 10), new WorkDuration(days * 480), new WorkDuration(days * 480 * 15 / 10)),
                    Assignments = [Assignment.ToPerson(members[random.Next(members.Count)].Id)],
                };
                var links = earlier.Count == 0 ? 0 : random.Next(1, 3);
                foreach (var predecessor in Enumerable.Range(0, links).Select(_ => earlier[Math.Max(0, earlier.Count - 1 - random.Next(30))]).Distinct())
                {
                    dependencies.Add(new Dependency(predecessor, id, DependencyType.FinishToStart, Lag.None));
                }
            }

            workItems.Add(item);
            earlier.Add(id);
        }

        return new DomainProgram(new ProgramId("generated"), $"Generated {items} items, {people} people", start)
        {
            Teams = teams,
            People = persons,
            Projects = projects,
            WorkItems = workItems,
            Dependencies = dependencies,
        };
    }
}
