using Microsoft.EntityFrameworkCore;
using Throughline.Storage.Rows;

namespace Throughline.Storage.Plans;

/// <summary>
/// Reads programs as <see cref="ProgramSnapshot"/>s, keeping recent ones in memory by program and revision. A revision
/// is never reused for different content (writers increment it in the transaction that changes the program), so a
/// cached snapshot is valid for as long as the revision is current, on any number of app instances. Snapshots are
/// kept in the <see cref="RevisionCache"/>, which bounds them by size and keeps only a program's newest revision.
/// </summary>
public sealed class ProgramSnapshots(RevisionCache cache)
{
    /// <summary>The cache the snapshots are kept in, shared with what is computed from them.</summary>
    public RevisionCache Cache => cache;

    /// <summary>The snapshot of <paramref name="program"/> at its current revision, read from the database if not cached.</summary>
    public async Task<ProgramSnapshot> GetAsync(ThroughlineDb db, ProgramRow program, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(program);
        while (true)
        {
            if (Cached(program.Id, program.Revision) is { } cached)
            {
                return cached;
            }

            var rows = await PlanRows.LoadAsync(db, program, cancellationToken);

            // Rows read outside a write transaction are consistent with the revision only if no write committed
            // while they were read; a writer commits a higher revision, so an unchanged revision proves it.
            var revision = await db.Programs.Where(p => p.Id == program.Id).Select(p => (long?)p.Revision).SingleOrDefaultAsync(cancellationToken);
            if (revision is null)
            {
                return new ProgramSnapshot(program.Revision, rows, rows.Read());
            }

            if (revision == program.Revision)
            {
                var snapshot = new ProgramSnapshot(program.Revision, rows, rows.Read());
                Remember(program.Id, snapshot);
                return snapshot;
            }

            program = await db.Programs.AsNoTracking().SingleAsync(p => p.Id == program.Id, cancellationToken);
        }
    }

    internal ProgramSnapshot? Cached(long programId, long revision) =>
        cache.TryGet(programId, revision, typeof(ProgramSnapshot), out ProgramSnapshot snapshot) ? snapshot : null;

    internal void Remember(long programId, ProgramSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        cache.Set(programId, snapshot.Revision, typeof(ProgramSnapshot), snapshot, snapshot.EstimatedBytes);
    }
}
