using System.Globalization;
using System.Text.Json.Nodes;
using Throughline.Domain;
using Throughline.Scheduling;
using Throughline.Storage.Plans;

namespace Throughline.Web.Api;

/// <summary>Schedules and overviews as JSON. Dates are the plan's local dates and times (no time zone), as in <c>tl schedule --format json</c>.</summary>
public static class ScheduleJson
{
    public static string Date(DateTime value) => value.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static JsonObject Schedule(Domain.Program program, ProgramSchedule schedule, long revision)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(schedule);
        var minutesPerDay = (double)program.Units.MinutesPerDay;
        var items = new JsonArray();
        foreach (var item in program.WorkItems)
        {
            if (!schedule.Items.TryGetValue(item.Id, out var dates))
            {
                continue;
            }

            items.Add(new JsonObject
            {
                ["id"] = item.Id.Value,
                ["name"] = item.Name,
                ["project"] = item.Project.Value,
                ["milestone"] = item.IsMilestone,
                ["start"] = Date(dates.Start),
                ["finish"] = Date(dates.Finish),
                ["committed"] = item.Committed is { } committed ? Date(committed) : null,
                ["late"] = item.Committed is { } c && DateOnly.FromDateTime(dates.Finish) > c,
                ["critical"] = dates.IsCritical,
                ["totalSlackDays"] = Math.Round(dates.TotalSlackMinutes / minutesPerDay, 2),
            });
        }

        return new JsonObject
        {
            ["program"] = program.Id.Value,
            ["revision"] = revision,
            ["start"] = Date(schedule.ProjectStart),
            ["finish"] = Date(schedule.ProjectFinish),
            ["criticalPath"] = new JsonArray([.. schedule.CriticalPath.Select(id => (JsonNode)id.Value)]),
            ["items"] = items,
            ["diagnostics"] = new JsonArray([.. schedule.Diagnostics.Select(d => (JsonNode)d.ToString())]),
        };
    }

    /// <summary>The program at a glance: what a dashboard shows first.</summary>
    public static JsonObject Overview(ProgramSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var rows = snapshot.Rows;
        var overview = new JsonObject
        {
            ["id"] = rows.ProgramKey,
            ["name"] = rows.Program["name"]?.DeepClone(),
            ["revision"] = snapshot.Revision,
            ["counts"] = new JsonObject
            {
                ["projects"] = rows.Projects.Count,
                ["workItems"] = rows.WorkItems.Count,
                ["milestones"] = rows.WorkItems.Count(i => i.IsMilestone),
                ["dependencies"] = rows.Dependencies.Count,
                ["risks"] = rows.Risks.Count,
                ["decisions"] = rows.Decisions.Count,
                ["teams"] = rows.Teams.Count,
                ["people"] = rows.People.Count,
                ["objectives"] = rows.Objectives.Count,
                ["budgetLines"] = rows.BudgetLines.Count,
            },
            ["errors"] = snapshot.Plan.HasErrors ? snapshot.Plan.Diagnostics.Count(d => d.IsError) : StoredPlanErrors.Of(snapshot).Count,
            ["warnings"] = snapshot.Plan.Diagnostics.Count(d => d.Severity == Domain.Diagnostics.Severity.Warning),
        };
        if (snapshot.Plan.Program is not { } program || snapshot.Schedule is not { } schedule || (!snapshot.Plan.HasErrors && StoredPlanErrors.Of(snapshot).Count > 0))
        {
            return overview;
        }

        overview["start"] = Date(program.Start);
        overview["statusDate"] = program.StatusDate is { } status ? Date(status) : null;
        overview["finish"] = Date(schedule.ProjectFinish);
        overview["criticalPathLength"] = schedule.CriticalPath.Count;
        overview["openRisks"] = program.Risks.Count(r => r.Status is RiskStatus.Open or RiskStatus.Mitigating);
        overview["openDecisions"] = program.Decisions.Count(d => d.Status == DecisionStatus.Open);
        overview["milestones"] = new JsonArray([.. program.WorkItems.Where(i => i.IsMilestone && schedule.Items.ContainsKey(i.Id)).Select(i =>
        {
            var finish = schedule.Items[i.Id].Finish;
            return (JsonNode)new JsonObject
            {
                ["id"] = i.Id.Value,
                ["name"] = i.Name,
                ["finish"] = Date(finish),
                ["committed"] = i.Committed is { } c ? Date(c) : null,
                ["late"] = i.Committed is { } d && DateOnly.FromDateTime(finish) > d,
            };
        })]);
        return overview;
    }
}
