using System.Globalization;
using System.Text.Json.Nodes;
using Throughline.Domain.Health;

namespace Throughline.Reports.Outlook;

/// <summary>
/// The outlook as JSON: the contract of <c>tl status --format json</c> and <c>GET /api/programs/{program}/status</c>
/// (docs/scheduling.md, "tl status"). Keep its names and shapes; fields may be added after them.
/// </summary>
public static class OutlookJson
{
    public static JsonObject Of(ProgramOutlook outlook)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        var commitments = new JsonArray();
        foreach (var c in outlook.Commitments)
        {
            var verdict = outlook.CommitmentHealth[c.Id];
            commitments.Add(new JsonObject
            {
                ["id"] = c.Id.Value,
                ["name"] = c.Name,
                ["project"] = c.Project.Value,
                ["committed"] = Date(c.Committed),
                ["scheduled"] = Date(c.ScheduledFinish),
                ["bufferDays"] = Days(c.BufferDays),
                ["totalSlackDays"] = Days(c.TotalSlackDays),
                ["p50"] = Date(c.ForecastP50),
                ["p80"] = Date(c.ForecastP80),
                ["p95"] = Date(c.ForecastP95),
                ["probabilityOnTime"] = Share(c.ProbabilityOnTime),
                ["pinned"] = c.Pinned,
                ["health"] = Colour(verdict.Colour),
                ["reasons"] = new JsonArray([.. verdict.Reasons.Select(r => (JsonNode)JsonValue.Create(r.Text))]),
                ["drivingTeams"] = new JsonArray([.. c.DrivingTeams.Select(t => (JsonNode)JsonValue.Create(t.Value))]),
            });
        }

        var decisions = new JsonArray();
        foreach (var d in outlook.Decisions)
        {
            decisions.Add(new JsonObject
            {
                ["id"] = d.Id.Value,
                ["due"] = Date(d.Due),
                ["decideBy"] = Date(d.DecideBy),
                ["gates"] = new JsonArray([.. d.Gates.Select(g => (JsonNode)JsonValue.Create(g.Value))]),
            });
        }

        var end = outlook.ProgramEnd;
        return new JsonObject
        {
            ["asOf"] = Date(outlook.AsOf),
            ["commitments"] = commitments,
            ["decisions"] = decisions,
            ["overall"] = new JsonObject
            {
                ["health"] = Colour(outlook.OverallHealth.Colour),
                ["probabilityOnTime"] = Share(outlook.ProbabilityOnTime),
                ["worstCommitment"] = outlook.WorstCommitment?.Id.Value,
            },

            // Added after the contract's fields.
            ["programEnd"] = new JsonObject
            {
                ["scheduled"] = Date(end.Scheduled),
                ["p50"] = Date(end.P50),
                ["p80"] = Date(end.P80),
                ["p95"] = Date(end.P95),
            },
        };
    }

    /// <summary>A health colour as the contract writes it: red, amber, green or unknown.</summary>
    public static string Colour(HealthColour colour) => colour.ToString().ToLowerInvariant();

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Days(double days) => Math.Round(days, 2);

    private static double? Share(double? share) => share is { } p ? Math.Round(p, 4) : null;
}
