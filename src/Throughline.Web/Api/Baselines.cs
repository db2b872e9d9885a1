using Microsoft.EntityFrameworkCore;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;

namespace Throughline.Web.Api;

/// <summary>
/// Takes baselines: the one place where a program's plan and schedule are frozen under a name, used by the API
/// (<c>POST /api/programs/{program}/baselines</c>) and by the dashboard's "Take a baseline" form alike. The caller
/// checks access first (editor or above).
/// </summary>
public static class Baselines
{
    /// <summary>Freezes the program as it is now under <paramref name="name"/> (trimmed), taken by <paramref name="access"/>'s caller.</summary>
    public static async Task<TakenBaseline> TakeAsync(
        ThroughlineDb db, ProgramSnapshots snapshots, TimeProvider clock, ProgramAccess access, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(access);
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200 || name.Trim() == BaselinesApi.Now)
        {
            return new TakenBaseline { InvalidName = $"a name of 1 to 200 characters, other than '{BaselinesApi.Now}'" };
        }

        name = name.Trim();
        if (await db.Baselines.AnyAsync(b => b.ProgramId == access.Program.Id && b.Name == name, cancellationToken))
        {
            return new TakenBaseline { Conflict = $"there is already a baseline '{name}'" };
        }

        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        if (snapshot.Plan.Program is not { } plan || snapshot.Schedule is not { } schedule)
        {
            return new TakenBaseline { Conflict = "the plan cannot be read, so there is no schedule to freeze; see /diagnostics" };
        }

        var row = new BaselineRow
        {
            ProgramId = access.Program.Id,
            Name = name,
            TakenAt = clock.GetUtcNow().UtcDateTime,
            TakenBy = access.Caller.UserName,
            Revision = snapshot.Revision,
            Plan = snapshot.Rows.ToYaml(),
            Schedule = ScheduleJson.Schedule(plan, schedule, snapshot.Revision).ToJsonString(),
        };
        db.Baselines.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone took one of that name between the check and the insert (the unique index refused ours). The
            // page goes on rendering with this context, so it must not try to insert the row again.
            db.Entry(row).State = EntityState.Detached;
            return new TakenBaseline { Conflict = $"there is already a baseline '{name}'" };
        }

        return new TakenBaseline { Row = row };
    }
}

/// <summary>
/// What taking a baseline came to: exactly one of the stored <see cref="Row"/>, the reason the name is refused, or the
/// conflict that stopped it. Expected failures are values.
/// </summary>
public sealed record TakenBaseline
{
    /// <summary>The baseline stored; null when refused.</summary>
    public BaselineRow? Row { get; init; }

    /// <summary>Why the name is refused (empty, over 200 characters, or the reserved <see cref="BaselinesApi.Now"/>): the API's 400.</summary>
    public string? InvalidName { get; init; }

    /// <summary>Why nothing was frozen although the name is well formed (the name is taken, the plan does not read): the API's 409.</summary>
    public string? Conflict { get; init; }
}
