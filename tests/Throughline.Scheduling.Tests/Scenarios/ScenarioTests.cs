using System.Globalization;
using System.Text.RegularExpressions;
using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Scenarios;

/// <summary>
/// Runs every scenario plan in this folder and checks the results written in its comments (see README.md here).
/// </summary>
public sealed partial class ScenarioTests
{
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Scenarios");

    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder, "*.tl.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(file)));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_gives_the_dates_written_in_it(string scenario)
    {
        var path = Path.Combine(Folder, scenario + ".tl.yaml");
        var text = File.ReadAllText(path);
        var expectedCodes = DiagnosticExpectation().Matches(text).Select(m => m.Groups[1].Value).ToList();
        var expectations = ItemExpectation().Matches(text).ToList();
        (expectedCodes.Count + expectations.Count).ShouldBeGreaterThan(0, $"{scenario} states no expectation");

        var read = PlanReader.Read(text, path);
        var readErrors = read.Diagnostics.Where(d => d.IsError).ToList();
        if (expectedCodes.Count > 0)
        {
            var found = readErrors.Select(d => d.Code).Concat(read.Program is { } p && readErrors.Count == 0 ? ProgramScheduler.Schedule(p).Diagnostics.Select(d => d.Code) : []);
            foreach (var code in expectedCodes)
            {
                found.ShouldContain(code);
            }

            return;
        }

        readErrors.ShouldBeEmpty(string.Join(Environment.NewLine, readErrors));
        var program = read.Program!;
        var schedule = LevelDirective().IsMatch(text)
            ? ProgramLeveler.Level(program, new ProgramLevelingOptions { Schedule = Options(text) }).After
            : ProgramScheduler.Schedule(program, Options(text));
        schedule.Diagnostics.Where(d => d.IsError).ShouldBeEmpty();
        var failures = new List<string>();
        foreach (var expectation in expectations)
        {
            var id = expectation.Groups["id"].Value;
            if (!schedule.Items.TryGetValue(new WorkItemId(id), out var item))
            {
                failures.Add($"{id}: not scheduled");
                continue;
            }

            foreach (Match pair in KeyValue().Matches(expectation.Groups["rest"].Value))
            {
                var key = pair.Groups[1].Value;
                var expected = pair.Groups[2].Value;
                var actual = key switch
                {
                    "start" => Time(item.Start),
                    "finish" => Time(item.Finish),
                    "early-start" => Time(item.EarlyStart),
                    "early-finish" => Time(item.EarlyFinish),
                    "late-start" => Time(item.LateStart),
                    "late-finish" => Time(item.LateFinish),
                    "total-slack" => Minutes(item.TotalSlackMinutes, expected, program.Units),
                    "free-slack" => Minutes(item.FreeSlackMinutes, expected, program.Units),
                    "critical" => item.IsCritical ? "true" : "false",
                    _ => $"(unknown key {key})",
                };
                if (actual != expected)
                {
                    failures.Add($"{id} {key}: expected {expected}, got {actual}");
                }
            }
        }

        failures.ShouldBeEmpty($"{scenario}:{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    /// <summary>
    /// Schedule options a plan cannot state, from directives: <c># split ITEM FROM TO</c> (a period without work),
    /// <c># ignore-resource-calendar ITEM</c>, <c># fixed-start ITEM AT</c> (a manually scheduled task) and
    /// <c># links-back-from-finish</c> (Primavera P6's late dates across calendars). A plan with <c># level</c> is
    /// checked after leveling (<see cref="ProgramLeveler"/>).
    /// </summary>
    private static ProgramScheduleOptions Options(string text)
    {
        var splits = SplitDirective().Matches(text)
            .GroupBy(m => new WorkItemId(m.Groups["id"].Value))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<SplitPeriod>)[.. g.Select(m => new SplitPeriod(Parse(m.Groups["from"].Value), Parse(m.Groups["to"].Value)))]);
        var ignore = IgnoreResourceCalendarDirective().Matches(text).Select(m => new WorkItemId(m.Groups[1].Value)).ToHashSet();
        var fixedStarts = FixedStartDirective().Matches(text).ToDictionary(m => new WorkItemId(m.Groups["id"].Value), m => Parse(m.Groups["at"].Value));
        var p6LateDates = text.Contains("\n# links-back-from-finish", StringComparison.Ordinal);
        return new ProgramScheduleOptions { Splits = splits, IgnoreResourceCalendars = ignore, FixedStarts = fixedStarts, LinksBackFromFinish = p6LateDates };

        static DateTime Parse(string value) => DateTime.ParseExact(value, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
    }

    private static string Time(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    // Shows the actual slack in the unit the expectation used, so a mismatch reads "expected 1d, got 2d".
    private static string Minutes(long minutes, string expected, WorkTimeUnits units)
    {
        if (expected == "0")
        {
            return minutes == 0 ? "0" : minutes + "m";
        }

        var unit = expected[^1];
        var per = unit switch
        {
            'd' => units.MinutesPerDay,
            'h' => 60,
            _ => 1,
        };
        return minutes % per == 0 ? (minutes / per).ToString(CultureInfo.InvariantCulture) + unit : minutes + "m";
    }

    [GeneratedRegex(@"^# expect (?<id>\S+) (?<rest>.+)$", RegexOptions.Multiline)]
    private static partial Regex ItemExpectation();

    [GeneratedRegex(@"^# expect-diagnostic (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticExpectation();

    [GeneratedRegex(@"^# split (?<id>\S+) (?<from>\S+) (?<to>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex SplitDirective();

    [GeneratedRegex(@"^# ignore-resource-calendar (\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex IgnoreResourceCalendarDirective();

    [GeneratedRegex(@"^# level\s*$", RegexOptions.Multiline)]
    private static partial Regex LevelDirective();

    [GeneratedRegex(@"^# fixed-start (?<id>\S+) (?<at>\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex FixedStartDirective();

    [GeneratedRegex(@"([a-z-]+)=(\S+)")]
    private static partial Regex KeyValue();
}
