using Throughline.Domain.Diagnostics;
using Throughline.Domain;
using Throughline.Interop.Mspdi;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Import, export, import again: the two programs agree field by field, on every shared file.</summary>
public sealed class MspdiRoundTripTests
{
    [Theory]
    [MemberData(nameof(Files))]
    public void Export_then_import_gives_the_same_program(string file)
    {
        var first = MspdiCorpus.Read(file);

        var written = MspdiWriter.ToXml(first);
        var again = MspdiReader.ReadString(written.Xml, file + " (exported)");

        again.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var second = again.Document.ShouldNotBeNull();
        AssertSame(first.Program, second.Program);
        second.TaskUids.ShouldBe(first.TaskUids, ignoreOrder: true);
    }

    [Fact]
    public void A_program_built_in_code_round_trips_with_its_lags_constraints_and_calendar()
    {
        var units = WorkTimeUnits.Standard;
        var project = new ProjectId("demo");
        WorkItem Item(string id, long minutes, WorkItemId? parent = null) =>
            new(new WorkItemId(id), id.ToUpperInvariant(), project) { Estimate = Estimate.Single(new WorkDuration(minutes)), Parent = parent };
        var calendar = Domain.Calendars.WorkingCalendar.Standard(new CalendarId("cal1"), exceptions: [Domain.Calendars.CalendarException.Holiday(new DateOnly(2025, 12, 25), "Christmas")]);
        var program = new Program(new ProgramId("demo"), "Demo", new DateOnly(2025, 12, 1))
        {
            Calendar = calendar.Id,
            Calendars = [calendar],
            Projects = [new Project(project, "Demo")],
            WorkItems =
            [
                new WorkItem(new WorkItemId("phase"), "Phase", project),
                Item("a", 3 * 480, new WorkItemId("phase")),
                Item("b", 2 * 480, new WorkItemId("phase")) with { Constraint = new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2025, 12, 10, 8, 0, 0)) },
                Item("c", 0) with { Kind = WorkItemKind.Milestone, Deadline = new DateTime(2026, 1, 9, 17, 0, 0) },
            ],
            Dependencies =
            [
                new Dependency(new WorkItemId("a"), new WorkItemId("b"), DependencyType.StartToStart, Lag.Working(new WorkDuration(480))),
                new Dependency(new WorkItemId("b"), new WorkItemId("c"), DependencyType.FinishToStart, Lag.Elapsed(2 * 1440)),
                new Dependency(new WorkItemId("a"), new WorkItemId("c"), DependencyType.FinishToFinish, Lag.Percent(50)),
            ],
        };

        var written = MspdiWriter.ToXml(program);
        var read = MspdiReader.ReadString(written.Xml).Document.ShouldNotBeNull();

        written.Diagnostics.ShouldBeEmpty();
        read.Program.WorkItems.Select(i => i.Name).ShouldBe(["Phase", "A", "B", "C"]);
        read.Program.WorkItems[1].Parent.ShouldBe(read.Program.WorkItems[0].Id);
        read.Program.WorkItems[0].Estimate.ShouldBeNull();
        read.Program.WorkItems[2].Constraint.ShouldBe(new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2025, 12, 10, 8, 0, 0)));
        read.Program.WorkItems[3].IsMilestone.ShouldBeTrue();
        read.Program.WorkItems[3].Deadline.ShouldBe(new DateTime(2026, 1, 9, 17, 0, 0));
        read.Program.Dependencies.Select(d => (d.Type, d.Lag)).ShouldBe(
        [
            (DependencyType.StartToStart, Lag.Working(new WorkDuration(480))),
            (DependencyType.FinishToStart, Lag.Elapsed(2880)),
            (DependencyType.FinishToFinish, Lag.Percent(50)),
        ], ignoreOrder: true);
        ProgramShape.Calendars(read.Program).ShouldBe(ProgramShape.Calendars(program with { Calendars = [calendar] }).Select(l => l.Replace("cal1", read.Program.Calendar!.Value.Value, StringComparison.Ordinal)));
        read.Program.Start.ShouldBe(program.Start);
    }

    [Fact]
    public void What_MSPDI_cannot_hold_is_reported_when_writing()
    {
        var project = new ProjectId("p");
        var program = new Program(new ProgramId("p"), "P", new DateOnly(2025, 1, 6))
        {
            WorkItems =
            [
                new WorkItem(new WorkItemId("x"), "X", project)
                {
                    Estimate = new Estimate(new WorkDuration(480), new WorkDuration(960), new WorkDuration(2400)),
                    Assignments = [Assignment.ToTeam(new TeamId("core"))],
                },
            ],
        };

        var written = MspdiWriter.ToXml(program);

        written.Diagnostics.Select(d => d.Code).ShouldAllBe(c => c == DiagnosticCodes.NotRepresentable);
        written.Diagnostics.Count.ShouldBe(2);
        written.Diagnostics.ShouldContain(d => d.Message.Contains("three-point", StringComparison.Ordinal));
        written.Diagnostics.ShouldContain(d => d.Message.Contains("team core", StringComparison.Ordinal));
        MspdiReader.ReadString(written.Xml).Document.ShouldNotBeNull().Program.WorkItems[0].Estimate!.MostLikely.ShouldBe(new WorkDuration(960));
    }

    public static TheoryData<string> Files() => MspdiCorpus.Files();

    internal static void AssertSame(Program expected, Program actual)
    {
        ProgramShape.Header(actual).ShouldBe(ProgramShape.Header(expected));
        ProgramShape.Calendars(actual).ShouldBe(ProgramShape.Calendars(expected));
        ProgramShape.Items(actual).ShouldBe(ProgramShape.Items(expected));
        ProgramShape.Links(actual).ShouldBe(ProgramShape.Links(expected), ignoreOrder: true);
        ProgramShape.People(actual).ShouldBe(ProgramShape.People(expected));
    }
}
