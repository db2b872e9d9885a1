using System.Text;
using Throughline.Domain;
using Throughline.Domain.Diagnostics;
using Throughline.Interop.Primavera;
using Throughline.Testing;

namespace Throughline.Interop.Tests.Primavera;

public sealed class XerReaderTests
{
    /// <summary>A minimal P6 export: one project, one calendar, one WBS node, three activities, two relationships.</summary>
    private const string Minimal =
        "ERMHDR\t8.1\t2017-09-27\tProject\tadmin\tX\tdbxDatabaseNoName\tProject Management\tGBP\n" +
        "%T\tPROJECT\n" +
        "%F\tproj_id\tproj_short_name\tclndr_id\tplan_start_date\tlast_recalc_date\tcritical_path_type\n" +
        "%R\t1\tDEMO\t10\t2027-01-04 00:00\t2027-01-04 00:00\tCT_TotFloat\n" +
        "%T\tSCHEDOPTIONS\n" +
        "%F\tproj_id\tsched_calendar_on_relationship_lag\tsched_retained_logic\tsched_float_type\tsched_open_critical_flag\n" +
        "%R\t1\trcal_Successor\tY\tFT_SmallestFloat\tY\n" +
        "%T\tCALENDAR\n" +
        "%F\tclndr_id\tclndr_name\tday_hr_cnt\tweek_hr_cnt\tclndr_data\n" +
        "%R\t10\tFive days\t8\t40\t(0||CalendarData()((0||DaysOfWeek()((0||1()())(0||2()((0||0(s|08:00|f|16:00)())))(0||3()((0||0(s|08:00|f|16:00)())))(0||4()((0||0(s|08:00|f|16:00)())))(0||5()((0||0(s|08:00|f|16:00)())))(0||6()((0||0(s|08:00|f|16:00)())))(0||7()())))(0||Exceptions()((0||0(d|46395)())))))\n" +
        "%T\tPROJWBS\n" +
        "%F\twbs_id\tproj_id\tproj_node_flag\tseq_num\twbs_short_name\twbs_name\tparent_wbs_id\n" +
        "%R\t100\t1\tY\t0\tDEMO\tDemo\t\n" +
        "%R\t101\t1\tN\t1\tDES\tDesign\t100\n" +
        "%T\tTASK\n" +
        "%F\ttask_id\tproj_id\twbs_id\tclndr_id\ttask_type\tstatus_code\ttask_code\ttask_name\ttarget_drtn_hr_cnt\tremain_drtn_hr_cnt\tcstr_type\tcstr_date\tcstr_type2\tcstr_date2\tact_start_date\tact_end_date\n" +
        "%R\t1\t1\t101\t10\tTT_Task\tTK_NotStart\tA100\tSurvey\t16\t16\t\t\t\t\t\t\n" +
        "%R\t2\t1\t101\t10\tTT_Task\tTK_NotStart\tA110\tDesign\t24\t24\tCS_MSOA\t2027-01-11 08:00\tCS_MEOB\t2027-02-01 16:00\t\t\n" +
        "%R\t3\t1\t101\t10\tTT_FinMile\tTK_NotStart\tM900\tDesign done\t0\t0\t\t\t\t\t\t\n" +
        "%T\tTASKPRED\n" +
        "%F\ttask_pred_id\ttask_id\tpred_task_id\tproj_id\tpred_proj_id\tpred_type\tlag_hr_cnt\n" +
        "%R\t1\t2\t1\t1\t1\tPR_SS\t8\n" +
        "%R\t2\t3\t2\t1\t1\tPR_FF\t0\n" +
        "%T\tACTVTYPE\n" +
        "%F\tactv_code_type_id\tactv_code_type\n" +
        "%R\t7\tPhase\n" +
        "%T\tACTVCODE\n" +
        "%F\tactv_code_id\tactv_code_type_id\tshort_name\n" +
        "%R\t70\t7\tDES\n" +
        "%T\tTASKACTV\n" +
        "%F\ttask_id\tactv_code_type_id\tactv_code_id\tproj_id\n" +
        "%R\t2\t7\t70\t1\n" +
        "%E\n";

    [Fact]
    public void Activities_WBS_relationships_constraints_and_codes_map_to_the_domain()
    {
        var document = Read(Minimal);
        var program = document.Program;

        program.WorkItems.Select(i => i.Id.Value).ShouldBe(["wbs:DES", "A100", "A110", "M900"]);
        program.WorkItems.Where(i => i.Id.Value != "wbs:DES").ShouldAllBe(i => i.Parent == new WorkItemId("wbs:DES"));
        var design = program.WorkItems.Single(i => i.Id.Value == "A110");
        design.Estimate!.MostLikely.ShouldBe(WorkDuration.FromHours(24));
        design.Constraint.ShouldBe(new Constraint(ConstraintType.StartNoEarlierThan, new DateTime(2027, 1, 11, 8, 0, 0)));
        design.Deadline.ShouldBe(new DateTime(2027, 2, 1, 16, 0, 0));
        design.Tags.ShouldBe(["Phase:DES"]);
        program.WorkItems.Single(i => i.Id.Value == "M900").IsMilestone.ShouldBeTrue();
        program.Dependencies.ShouldBe([
            new Dependency(new WorkItemId("A100"), new WorkItemId("A110"), DependencyType.StartToStart, Lag.Working(WorkDuration.FromHours(8))),
            new Dependency(new WorkItemId("A110"), new WorkItemId("M900"), DependencyType.FinishToFinish, Lag.None)]);
        program.Units.MinutesPerDay.ShouldBe(480);
        document.Activities[new WorkItemId("M900")].Type.ShouldBe(P6ActivityType.FinishMilestone);
    }

    [Fact]
    public void The_calendar_keeps_its_working_week_and_exceptions()
    {
        var calendar = Read(Minimal).Program.Calendars.ShouldHaveSingleItem();

        calendar.Week[(int)DayOfWeek.Monday].ShouldBe([WorkingTimeRangeOf(8, 16)]);
        calendar.Week[(int)DayOfWeek.Sunday].ShouldBeEmpty();
        calendar.Exceptions.ShouldHaveSingleItem().From.ShouldBe(new DateOnly(2027, 1, 8));
    }

    [Fact]
    public void Schedule_settings_are_read_from_the_project()
    {
        var settings = Read(Minimal).Settings;

        settings.LagCalendar.ShouldBe(P6LagCalendar.Successor);
        settings.FloatType.ShouldBe(P6FloatType.Smallest);
        settings.OpenEndedCritical.ShouldBeTrue();
        settings.RetainedLogic.ShouldBeTrue();
    }

    [Fact]
    public void A_truncated_file_is_refused_at_its_end()
    {
        var cut = Minimal[..Minimal.IndexOf("%T\tTASKPRED", StringComparison.Ordinal)];

        var result = XerReader.Read(Encoding.UTF8.GetBytes(cut), "cut.xer");

        result.Document.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.XerFormat && d.Message.Contains("cut short"));
    }

    [Fact]
    public void A_file_that_is_not_XER_is_refused_on_its_first_line()
    {
        var result = XerReader.Read(Encoding.UTF8.GetBytes("<Project/>"), "x.xer");

        result.Document.ShouldBeNull();
        result.Diagnostics.ShouldHaveSingleItem().Location.ShouldBe(new SourceLocation("x.xer", 1, 1));
    }

    [Fact]
    public void A_bad_value_names_the_table_the_row_and_the_field_and_points_at_it()
    {
        var broken = Minimal.Replace("\tA110\tDesign\t24\t", "\tA110\tDesign\tlots\t", StringComparison.Ordinal);
        var line = broken.Split('\n').ToList().FindIndex(l => l.Contains("lots", StringComparison.Ordinal)) + 1;
        var column = broken.Split('\n')[line - 1].IndexOf("lots", StringComparison.Ordinal) + 1;

        var result = XerReader.Read(Encoding.UTF8.GetBytes(broken), "b.xer");

        result.Document.ShouldBeNull();
        var diagnostic = result.Diagnostics.Single(d => d.IsError);
        diagnostic.Code.ShouldBe(DiagnosticCodes.InvalidDuration);
        diagnostic.Message.ShouldStartWith("TASK row 2, field target_drtn_hr_cnt:");
        diagnostic.Location.ShouldBe(new SourceLocation("b.xer", line, column));
    }

    [Fact]
    public void A_row_with_more_values_than_fields_is_refused()
    {
        var broken = Minimal.Replace("%R\t70\t7\tDES\n", "%R\t70\t7\tDES\textra\n", StringComparison.Ordinal);

        var result = XerReader.Read(Encoding.UTF8.GetBytes(broken), "b.xer");

        result.Document.ShouldBeNull();
        result.Diagnostics.ShouldContain(d => d.Code == DiagnosticCodes.XerFormat && d.Message.Contains("ACTVCODE row 1: 4 values for 3 fields"));
    }

    [Fact]
    public void Deeply_nested_calendar_data_does_not_exhaust_the_stack()
    {
        var hostile = Minimal.Replace("(0||CalendarData()", new string('(', 100_000) + "(0||CalendarData()", StringComparison.Ordinal);

        var result = XerReader.Read(Encoding.UTF8.GetBytes(hostile), "h.xer");

        result.Document.ShouldNotBeNull();
    }

    [Fact]
    public void The_Windows_1251_sample_reads_its_Cyrillic_names()
    {
        var file = Path.Combine(RepoPaths.RequireShared("other/xer"), "encoding1251.xer");

        var document = XerReader.ReadFile(file).Document.ShouldNotBeNull();

        document.Program.WorkItems.ShouldContain(i => i.Name == "Задача 1");
    }

    [Fact]
    public void A_multi_project_file_reads_both_projects_with_the_link_between_them()
    {
        var file = Path.Combine(RepoPaths.RequireShared("other/xer"), "MultiprojectWithExternal.xer");

        var document = XerReader.ReadFile(file).Document.ShouldNotBeNull();

        document.Program.Projects.Select(p => p.Id.Value).ShouldBe(["TestProject", "TestProject2"]);
        document.Program.Dependencies.ShouldHaveSingleItem().Predecessor.Value.ShouldStartWith("TestProject.");
        document.Program.Dependencies.Single().Successor.Value.ShouldStartWith("TestProject2.");
    }

    private static Domain.Calendars.WorkingTimeRange WorkingTimeRangeOf(int from, int to) => Domain.Calendars.WorkingTimeRange.FromHours(from, to);

    private static PrimaveraDocument Read(string text)
    {
        var result = XerReader.Read(Encoding.UTF8.GetBytes(text), "t.xer");
        return result.Document.ShouldNotBeNull(string.Join(Environment.NewLine, result.Diagnostics));
    }
}
