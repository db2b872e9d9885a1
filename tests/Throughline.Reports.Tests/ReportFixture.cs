using Throughline.Domain;
using Throughline.Interop.Plan;
using Throughline.Scheduling;
using Throughline.Scheduling.Forecasting;
using Throughline.Testing;

namespace Throughline.Reports.Tests;

/// <summary>Builds status reports from the example plans, as <c>tl report</c> does.</summary>
internal static class ReportFixture
{
    public static Program Example(string name)
    {
        var read = PlanReader.ReadFile(Path.Combine(RepoPaths.Examples, name));
        read.HasErrors.ShouldBeFalse(string.Join(Environment.NewLine, read.Diagnostics));
        return read.Program!;
    }

    /// <summary>The report of an example on its status date; with a small seeded forecast when <paramref name="iterations"/> is above 0.</summary>
    public static StatusReport Report(string name, int iterations = 0, Program? baseline = null)
    {
        var program = Example(name);
        var forecast = iterations > 0 ? ProgramForecaster.Forecast(program, new ProgramForecastOptions { Iterations = iterations, Seed = 7, RankRisks = false }) : null;
        return StatusReportBuilder.Build(new StatusReportInput(program, ProgramScheduler.Schedule(program), program.StatusDate!.Value)
        {
            Forecast = forecast,
            Baseline = baseline,
            BaselineSchedule = baseline is null ? null : ProgramScheduler.Schedule(baseline),
            BaselineName = baseline is null ? null : "baseline.tl.yaml",
        });
    }
}
