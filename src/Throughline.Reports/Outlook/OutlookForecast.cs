using Throughline.Domain;
using Throughline.Scheduling.Forecasting;

namespace Throughline.Reports.Outlook;

/// <summary>How the outlook's forecast is run: the same options give the same figures on every surface.</summary>
public sealed record OutlookOptions
{
    public int Iterations { get; init; } = 10_000;

    public ulong Seed { get; init; } = 1;

    /// <summary>
    /// The pure critical-path view: ignore team and person capacity (ProgramForecastOptions.Unleveled). Without it, a
    /// plan with capacity data is forecast leveled in every iteration.
    /// </summary>
    public bool Unleveled { get; init; }

    public DurationDistribution? Distribution { get; init; }

    public double? Correlation { get; init; }

    public ConvergenceCriterion? StopOnConvergence { get; init; }

    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Whether risks are ranked by what they add to P80 (one more run per risk; the figures above do not change).</summary>
    public bool RankRisks { get; init; }

    public Action<double>? Progress { get; init; }
}

/// <summary>The one call from a surface into the forecaster, so that every surface forecasts a plan the same way.</summary>
public static class OutlookForecast
{
    public static ProgramForecast Run(Program program, OutlookOptions options)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(options);
        return ProgramForecaster.Forecast(program, new ProgramForecastOptions
        {
            Iterations = options.Iterations,
            Seed = options.Seed,
            Unleveled = options.Unleveled,
            Distribution = options.Distribution,
            Correlation = options.Correlation,
            StopOnConvergence = options.StopOnConvergence,
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            RankRisks = options.RankRisks,
            Progress = options.Progress,
        });
    }
}
