using Microsoft.EntityFrameworkCore;
using Throughline.Domain;
using Plan = Throughline.Domain.Program;
using Throughline.Interop.Plan;
using Throughline.Reports;
using Throughline.Scheduling;
using Throughline.Reports.Outlook;
using Throughline.Scheduling.Forecasting;
using Throughline.Storage;
using Throughline.Storage.Plans;
using Throughline.Storage.Rows;
using Throughline.Web.Api;
using Throughline.Web.Auth;

namespace Throughline.Web.Ui;

/// <summary>
/// One program as a page sees it: the caller's access and functional role, the stored plan at its current revision,
/// its schedule, and the date the pages are "as of" (the plan's status date, else today, as <c>tl report</c> does).
/// </summary>
public sealed class ProgramView(ProgramAccess access, FunctionalRole role, ProgramSnapshot snapshot, DateOnly asOf)
{
    public ProgramAccess Access { get; } = access;

    public ProgramRow Row => Access.Program;

    public string Key => Access.Program.Key;

    public FunctionalRole Role { get; } = role;

    public ProgramSnapshot Snapshot { get; } = snapshot;

    /// <summary>The plan, or null when the stored rows do not read as a plan (see <see cref="ProgramSnapshot.Plan"/>'s diagnostics).</summary>
    public Plan? Program => Errors.Count > 0 ? null : Snapshot.Plan.Program;

    /// <summary>Why the plan cannot be shown: its errors, or a schedule out of the plan range (<see cref="StoredPlanErrors"/>).</summary>
    public IReadOnlyList<Domain.Diagnostics.Diagnostic> Errors => StoredPlanErrors.Of(Snapshot);

    public ProgramSchedule? Schedule => Program is null ? null : Snapshot.Schedule;

    public DateOnly AsOf { get; } = asOf;

    public bool CanEdit => Access.Permission >= Permission.Editor;
}

/// <summary>
/// Loads <see cref="ProgramView"/>s for pages, with the access rules of the API (<see cref="ProgramAccess"/>), and
/// computes what pages show from them with the engine and the report builder, cached by program revision in the
/// bounded <see cref="RevisionCache"/> beside the snapshot.
/// </summary>
public sealed class ProgramViews(ThroughlineDb db, ProgramSnapshots snapshots, TimeProvider clock)
{
    /// <summary>
    /// Monte Carlo iterations of the forecast on pages: 2,000 for programs of up to 500 items, fewer for larger ones
    /// (a million item-samples, at least 250 iterations), so that a first view after a change stays near a second of
    /// server time. At 500 iterations the P80 date's standard error is about 1.8 percentiles, a day or two on a
    /// program of a year; the API's forecast endpoint takes any count.
    /// </summary>
    public static int ForecastIterations(int items) => Math.Clamp(1_000_000 / Math.Max(1, items), 250, 2000);

    public ThroughlineDb Db => db;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The program for the signed-in caller, or null when it does not exist for them (not a member: the same answer, as in the API).</summary>
    public async Task<ProgramView?> LoadAsync(HttpContext http, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var (access, _) = await ProgramAccess.CheckAsync(http, db, key, Permission.Viewer, cancellationToken);
        if (access is null)
        {
            return null;
        }

        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.ProgramId == access.Program.Id && m.UserId == access.Caller.UserId)
            .Select(m => m.Role)
            .SingleAsync(cancellationToken);
        var snapshot = await snapshots.GetAsync(db, access.Program, cancellationToken);
        var asOf = snapshot.Plan.Program?.StatusDate ?? Today;
        return new ProgramView(access, role, snapshot, asOf);
    }

    /// <summary>The programs the caller belongs to, by key, with their role.</summary>
    public async Task<List<(ProgramRow Program, Permission Permission, FunctionalRole Role)>> MineAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await db.Memberships.AsNoTracking().Where(m => m.UserId == caller.UserId)
            .Join(db.Programs.AsNoTracking(), m => m.ProgramId, p => p.Id, (m, p) => new { Program = p, m.Permission, m.Role })
            .OrderBy(p => p.Program.Name)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Program, r.Permission, r.Role))];
    }

    public async Task<ProgramSnapshot> SnapshotAsync(ProgramRow program, CancellationToken cancellationToken) =>
        await snapshots.GetAsync(db, program, cancellationToken);

    /// <summary>The forecast options of pages: seeded, so a page shows the same figures on every load of a revision; one thread per request.</summary>
    public static OutlookOptions PageForecast(ProgramView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new OutlookOptions { Iterations = ForecastIterations(view.Program!.WorkItems.Count), Seed = 1, MaxDegreeOfParallelism = 1 };
    }

    /// <summary>The forecast of the plan with <paramref name="options"/> (default: <see cref="PageForecast"/>), kept per revision.</summary>
    public ProgramForecast Forecast(ProgramView view, OutlookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var chosen = options ?? PageForecast(view);
        return Cached(view, ("forecast", chosen.Iterations, chosen.Seed, chosen.Unleveled), () => OutlookForecast.Run(view.Program!, chosen with { MaxDegreeOfParallelism = 1 }));
    }

    /// <summary>
    /// The program's outlook at its current revision as of <see cref="ProgramView.AsOf"/>: the one computation behind
    /// the dashboard and portfolio headlines, the report pages and <c>GET /api/programs/{program}/status</c>.
    /// </summary>
    public ProgramOutlook Outlook(ProgramView view, OutlookOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(view);
        var chosen = options ?? PageForecast(view);
        return Cached(view, ("outlook", view.AsOf, chosen.Iterations, chosen.Seed, chosen.Unleveled), () => ProgramOutlook.Compute(view.Program!, view.Schedule!, Forecast(view, chosen), view.AsOf));
    }

    /// <summary>
    /// The status report of the program as of <see cref="ProgramView.AsOf"/>, against its latest baseline when it has
    /// one; with what each risk would do to the milestones only when <paramref name="propagateRisks"/> (one reschedule
    /// per live risk, which only the risk page shows).
    /// </summary>
    public async Task<StatusReport> ReportAsync(ProgramView view, CancellationToken cancellationToken, bool propagateRisks = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var baseline = await LatestBaselineAsync(view, cancellationToken);
        return Cached(view, ("report", view.AsOf, baseline?.Name, propagateRisks), () => StatusReportBuilder.Build(new StatusReportInput(view.Program!, view.Schedule!, view.AsOf)
        {
            Outlook = Outlook(view),
            Baseline = baseline?.Program,
            BaselineSchedule = baseline?.Schedule,
            BaselineName = baseline?.Name,
            PropagateRisks = propagateRisks,
        }));
    }

    /// <summary>The newest baseline, read and scheduled (cached with the program's revision, like everything else a page computes).</summary>
    public async Task<Baseline?> LatestBaselineAsync(ProgramView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        var row = await db.Baselines.AsNoTracking().Where(b => b.ProgramId == view.Row.Id).OrderByDescending(b => b.Id)
            .Select(b => new { b.Id, b.Name, b.TakenAt }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }

        var key = ("ui-baseline", row.Id);
        if (snapshots.Cache.TryGet(view.Row.Id, view.Snapshot.Revision, key, out Baseline cached))
        {
            return cached;
        }

        var plan = await db.Baselines.AsNoTracking().Where(b => b.Id == row.Id).Select(b => b.Plan).SingleAsync(cancellationToken);
        var read = PlanReader.Read(plan, row.Name + ".tl.yaml");
        if (read.Program is not { } program)
        {
            return null;
        }

        var baseline = new Baseline(row.Name, row.TakenAt, program, ProgramScheduler.Schedule(program));
        snapshots.Cache.Set(view.Row.Id, view.Snapshot.Revision, key, baseline, view.Snapshot.EstimatedBytes);
        return baseline;
    }

    /// <summary>
    /// Computes something from a view once per revision (a leveling, a load table) and keeps it. Its size is taken as
    /// half the snapshot's: what a page derives holds a row or two per item, not the plan's text.
    /// </summary>
    public T Cached<T>(ProgramView view, object what, Func<T> compute)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(compute);
        return snapshots.Cache.GetOrAdd(view.Row.Id, view.Snapshot.Revision, ("ui", what), compute, _ => view.Snapshot.EstimatedBytes / 2);
    }
}

/// <summary>A baseline read back as a plan, with its schedule recomputed on the same calendars.</summary>
public sealed record Baseline(string Name, DateTime TakenAt, Plan Program, ProgramSchedule Schedule);
