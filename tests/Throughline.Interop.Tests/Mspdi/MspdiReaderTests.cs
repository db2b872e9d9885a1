using System.Xml.Linq;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Mspdi;

namespace Throughline.Interop.Tests.Mspdi;

/// <summary>Field-level checks of what the reader takes from particular shared files (values taken from the files).</summary>
public sealed class MspdiReaderTests
{
    private static readonly WorkItemId T1 = new("t1");

    [Fact]
    public void Links_keep_their_type_and_lag_in_working_minutes()
    {
        var document = MspdiCorpus.Read("task-links-project2013-mspdi.xml");

        // LinkLag is tenths of a minute: 4800 = 480 minutes = 1d; LagFormat 9 (weeks) changes the display, not the amount.
        ProgramShape.Links(document.Program).ShouldBe(
        [
            "t1->t2 FinishToStart lag=0Working",
            "t3->t4 FinishToStart lag=480Working",
            "t5->t6 FinishToStart lag=960Working",
            "t7->t8 FinishToStart lag=2400Working",
            "t9->t10 FinishToStart lag=4800Working",
            "t11->t12 StartToFinish lag=960Working",
            "t13->t14 StartToStart lag=960Working",
            "t15->t16 FinishToFinish lag=960Working",
        ]);
        document.Program.WorkItems.Count.ShouldBe(16);
        document.Program.WorkItems[1].Constraint.ShouldBe(new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2014, 10, 20, 8, 0, 0)));
    }

    [Fact]
    public void Negative_lags_and_every_link_type_read_from_a_Project_2003_file()
    {
        var document = MspdiCorpus.Read("sample.xml");

        ProgramShape.Links(document.Program).ShouldBe(
        [
            "t9->t10 FinishToStart lag=0Working",
            "t11->t12 FinishToStart lag=480Working",
            "t13->t14 FinishToStart lag=-480Working",
            "t15->t16 StartToStart lag=0Working",
            "t17->t18 FinishToFinish lag=0Working",
            "t20->t21 StartToFinish lag=0Working",
        ]);
    }

    [Fact]
    public void The_outline_becomes_parents_and_summaries_carry_no_estimate()
    {
        var program = MspdiCorpus.Read("sample.xml").Program;
        WorkItem Item(int uid) => program.WorkItems.Single(i => i.Id == new WorkItemId("t" + uid));

        Item(1).Parent.ShouldBeNull();
        Item(1).Estimate.ShouldBeNull();
        Item(2).Parent.ShouldBe(T1);
        Item(2).Estimate!.MostLikely.ShouldBe(new WorkDuration(800 * 60));
        Item(3).Parent.ShouldBe(T1);
        Item(3).IsMilestone.ShouldBeTrue();
        Item(3).Estimate!.MostLikely.ShouldBe(WorkDuration.Zero);
        Item(7).Parent.ShouldBe(new WorkItemId("t6"));
        Item(9).Parent.ShouldBe(new WorkItemId("t19"));
        Item(7).Constraint.ShouldBe(new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2003, 2, 1, 8, 0, 0)));
        program.WorkItems.Select(i => i.Id.Value).ShouldNotContain("t0");
    }

    [Fact]
    public void Empty_rows_are_skipped_and_the_outline_continues_across_them()
    {
        var program = MspdiCorpus.Read("mspdinulltasks.xml").Program;

        program.WorkItems.Select(i => $"{i.Id}<{i.Parent}").ShouldBe(["t1<", "t3<t1", "t4<t1", "t6<", "t8<t6"]);
    }

    [Fact]
    public void Durations_are_working_minutes_whatever_unit_they_are_shown_in()
    {
        var result = MspdiReader.ReadFile(MspdiCorpus.PathOf("mspdiduration.xml"));
        var program = result.Document.ShouldNotBeNull().Program;

        program.WorkItems.Take(5).Select(i => i.Estimate!.MostLikely.Minutes).ShouldBe([1L, 60, 480, 2400, 9600]);

        // Tasks 6..10 have elapsed durations (em, eh, ed, ew, emo): calendar minutes, marked elapsed.
        program.WorkItems.Select(i => i.Estimate!.IsElapsed).ShouldBe([false, false, false, false, false, true, true, true, true, true]);
        program.WorkItems.Skip(5).Select(i => i.Estimate!.MostLikely.Minutes).ShouldBe([1L, 60, 1440, 10080, 43200]);
        result.Diagnostics.ShouldNotContain(d => d.Code == DiagnosticCodes.NotRepresentable);
    }

    [Fact]
    public void Header_units_start_and_stored_schedule_are_read()
    {
        var document = MspdiCorpus.Read("task-links-project2013-mspdi.xml");
        var stored = document.Stored[T1];

        document.Program.Start.ShouldBe(new DateOnly(2014, 10, 17));
        document.ProjectStart.ShouldBe(new DateTime(2014, 10, 17, 8, 0, 0));
        document.Program.Units.ShouldBe(WorkTimeUnits.Standard);
        document.Program.Currency.ShouldBe("GBP");
        document.Program.Calendar.ShouldBe(new CalendarId("cal1"));
        document.TaskUids[T1].ShouldBe(1);
        stored.ShouldBe(new MsProjectDates
        {
            Start = new DateTime(2014, 10, 17, 8, 0, 0),
            Finish = new DateTime(2014, 10, 17, 17, 0, 0),
            EarlyStart = new DateTime(2014, 10, 17, 8, 0, 0),
            EarlyFinish = new DateTime(2014, 10, 17, 17, 0, 0),
            LateStart = new DateTime(2014, 10, 31, 8, 0, 0),
            LateFinish = new DateTime(2014, 10, 31, 17, 0, 0),
            TotalSlackMinutes = 4800,
            FreeSlackMinutes = 0,
            Critical = false,
        });
    }

    [Fact]
    public void Progress_comes_from_actuals_percent_complete_and_remaining_duration()
    {
        var program = MspdiCorpus.Read("assignment-assignments-project2002-mspdi.xml").Program;
        var item = program.WorkItems.Single(i => i.Id == new WorkItemId("t2"));

        item.Status.ShouldBe(WorkItemStatus.InProgress);
        item.Progress.ShouldBe(new Progress
        {
            ActualStart = new DateTime(2016, 1, 4, 8, 0, 0),
            PercentComplete = 25,
            Remaining = new WorkDuration(60 * 60),
        });
    }

    [Fact]
    public void Resources_become_people_and_assignments_keep_their_units()
    {
        var program = MspdiCorpus.Read("sample.xml").Program;

        program.People.Select(p => $"{p.Id} {p.Name} {p.Calendar}").ShouldBe(["r1 First Resource cal3", "r2 Second Resource cal4"]);
        program.WorkItems.Single(i => i.Id == new WorkItemId("t2")).Assignments
            .ShouldBe([Assignment.ToPerson(new PersonId("r1"), 50), Assignment.ToPerson(new PersonId("r2"), 75)]);
    }

    [Fact]
    public void Baselines_are_kept_beside_the_program()
    {
        var document = MspdiCorpus.Read("baselines.xml");
        var baselines = document.Tasks[T1].Baselines;

        baselines.Count.ShouldBe(10);
        baselines[0].ShouldBe(new MspdiBaseline(1, new DateTime(2001, 1, 1, 9, 0, 0), new DateTime(2000, 1, 1, 17, 30, 0), new WorkDuration(450), new WorkDuration(60), 100m));
    }

    [Fact]
    public void Manual_tasks_are_flagged_and_reported_once()
    {
        var result = MspdiReader.ReadFile(MspdiCorpus.PathOf("task-links-project2016-mspdi.xml"));

        result.Document.ShouldNotBeNull().Tasks.Values.ShouldAllBe(t => t.IsManual);
        result.Diagnostics.Count(d => d.Code == DiagnosticCodes.ManualTask).ShouldBe(1);
    }

    [Fact]
    public void Inactive_tasks_are_cancelled_and_noted()
    {
        var result = MspdiReader.ReadString(MspdiXml.Project(MspdiXml.Task(1, "Dropped", "<Active>0</Active>")));

        var item = result.Document.ShouldNotBeNull().Program.WorkItems.ShouldHaveSingleItem();
        item.Status.ShouldBe(WorkItemStatus.Cancelled);
        result.Document.Tasks[item.Id].IsActive.ShouldBeFalse();
        result.Diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.InactiveTask && d.Severity == Severity.Info);
    }

    [Fact]
    public void Percentage_and_elapsed_lags_use_their_kinds()
    {
        var xml = MspdiXml.Project(
            MspdiXml.Task(1, "A") +
            MspdiXml.Task(2, "B", MspdiXml.Link(1, type: 1, lag: 500, format: 19)) +
            MspdiXml.Task(3, "C", MspdiXml.Link(1, type: 3, lag: 28800, format: 8)));

        var links = MspdiReader.ReadString(xml).Document.ShouldNotBeNull().Program.Dependencies;

        links.Select(l => l.Lag).ShouldBe([Lag.Percent(50), Lag.Elapsed(2880)]);
    }

    [Fact]
    public void Links_to_tasks_not_in_the_file_are_dropped_with_a_warning()
    {
        var result = MspdiReader.ReadString(MspdiXml.Project(MspdiXml.Task(1, "A", MspdiXml.Link(99, type: 1, lag: 0, format: 7))));

        result.Document.ShouldNotBeNull().Program.Dependencies.ShouldBeEmpty();
        result.Diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.UndefinedReference && d.Location!.Line > 1);
    }
}
