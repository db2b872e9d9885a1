using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Throughline.Interop.Plan;
using Throughline.Storage.Rows;

namespace Throughline.Storage.Plans;

/// <summary>
/// Changes stored programs. Every change runs in one transaction that first increments the program's revision (taking
/// its row lock, so writes to one program are serialised on every instance), checks the caller's version, applies the
/// change to the plan in memory, reads the whole plan as a file would be read, refuses the change if it adds errors,
/// and then saves the rows with a history entry. Either all of it is committed or none.
/// </summary>
public sealed class PlanEditor(ThroughlineDb db, ProgramSnapshots snapshots, TimeProvider clock)
{
    private readonly ThroughlineDb db = db;
    private readonly ProgramSnapshots snapshots = snapshots;
    private readonly TimeProvider clock = clock;

    public Task<EditResult> CreateAsync(ProgramRow program, PlanResource resource, JsonObject body, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        if (FieldLimits.Check(body) is { Count: > 0 } tooLong)
        {
            return Task.FromResult(EditResult.Invalid(tooLong));
        }

        return WriteAsync(program, actor, async session =>
        {
            var row = resource.NewRow();
            var key = resource.Numbered ? resource.NextKey(session.Rows) : null;
            var errors = resource.Apply(body, row, key);
            if (errors.Count > 0)
            {
                return EditResult.Invalid(errors);
            }

            if (!resource.Numbered && resource.In(session.Rows).Concat(Everything(session.Rows, resource)).Any(r => r.Key == row.Key))
            {
                return EditResult.Conflict($"a {resource.Singular} with id '{row.Key}' already exists in this program");
            }

            row.ProgramId = session.Program.Id;
            row.Ordinal = resource.NextOrdinal(session.Rows);
            row.Version = 1;
            if (Structure(session.Rows, row) is { } structural)
            {
                return EditResult.Invalid(structural);
            }

            resource.Put(session.Rows, row);
            if (await session.RefusedAsync(resource, row.Key) is { } refused)
            {
                return refused;
            }

            db.Add(row);
            session.Record(resource.Name, row.Key, "created", null, resource.ToApi(row));
            return EditResult.Saved(session.Program, row);
        }, cancellationToken);
    }

    public Task<EditResult> UpdateAsync(ProgramRow program, PlanResource resource, string key, long ifMatch, JsonObject body, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(body);
        if (FieldLimits.Check(body) is { Count: > 0 } tooLong)
        {
            return Task.FromResult(EditResult.Invalid(tooLong));
        }

        return WriteAsync(program, actor, async session =>
        {
            if (resource.In(session.Rows).FirstOrDefault(r => r.Key == key) is not { } current)
            {
                return EditResult.NotFound;
            }

            if (current.Version != ifMatch)
            {
                return EditResult.Stale(current.Version);
            }

            var row = resource.NewRow();
            row.Id = current.Id;
            row.ProgramId = current.ProgramId;
            row.Ordinal = current.Ordinal;
            row.Version = current.Version + 1;
            var errors = resource.Apply(body, row, key);
            if (errors.Count > 0)
            {
                return EditResult.Invalid(errors);
            }

            if (Structure(session.Rows, row) is { } structural)
            {
                return EditResult.Invalid(structural);
            }

            resource.Put(session.Rows, row);
            if (await session.RefusedAsync(resource, key) is { } refused)
            {
                return refused;
            }

            var entry = db.Attach(row);
            entry.State = EntityState.Modified;
            entry.Property(r => r.Version).OriginalValue = current.Version;
            session.Record(resource.Name, key, "updated", resource.ToApi(current), resource.ToApi(row));
            return EditResult.Saved(session.Program, row);
        }, cancellationToken);
    }

    public Task<EditResult> DeleteAsync(ProgramRow program, PlanResource resource, string key, long ifMatch, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resource);
        return WriteAsync(program, actor, async session =>
        {
            if (resource.In(session.Rows).FirstOrDefault(r => r.Key == key) is not { } current)
            {
                return EditResult.NotFound;
            }

            if (current.Version != ifMatch)
            {
                return EditResult.Stale(current.Version);
            }

            var dependencies = PlanResource.All.Single(r => r.Name == "dependencies");
            var cascaded = new List<DependencyRow>();
            switch (current)
            {
                case ProjectRow when session.Rows.WorkItems.Count(i => i.ProjectKey == key) is > 0 and var items:
                    return EditResult.Conflict($"project '{key}' still has {items} work items; delete them or move them to another project first");
                case WorkItemRow when session.Rows.WorkItems.Count(i => i.ParentKey == key) is > 0 and var children:
                    return EditResult.Conflict($"work item '{key}' has {children} child items; delete them or give them another parent first");
                case WorkItemRow:
                    // An item's links go with it: a link to nothing means nothing.
                    cascaded.AddRange(session.Rows.Dependencies.Where(d => d.SuccessorKey == key || d.PredecessorKey == key));
                    session.Rows.Dependencies.RemoveAll(cascaded.Contains);
                    break;
            }

            resource.Remove(session.Rows, key);
            if (await session.RefusedAsync(resource, key) is { } refused)
            {
                return refused.Status == EditStatus.Invalid
                    ? EditResult.Conflict($"deleting {resource.Singular} '{key}' would leave references to it; change them first", refused.Errors)
                    : refused;
            }

            foreach (var dependency in cascaded)
            {
                db.Remove(dependency);
                session.Record(dependencies.Name, dependency.Key, "deleted", dependencies.ToApi(dependency), null);
            }

            var entry = db.Attach(current);
            entry.State = EntityState.Deleted;
            session.Record(resource.Name, key, "deleted", resource.ToApi(current), null);
            return EditResult.Saved(session.Program);
        }, cancellationToken);
    }

    /// <summary>Changes the <c>program</c> section's own fields (not its objectives, which are a resource).</summary>
    public Task<EditResult> UpdateProgramAsync(ProgramRow program, long ifMatch, JsonObject body, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(body);
        return WriteAsync(program, actor, async session =>
        {
            var current = session.Program;
            if (current.Version != ifMatch)
            {
                return EditResult.Stale(current.Version);
            }

            var errors = ProgramFieldErrors(body, current.Key);
            if (errors.Count > 0)
            {
                return EditResult.Invalid(errors);
            }

            var fields = new JsonObject { ["id"] = current.Key };
            foreach (var (name, value) in body)
            {
                if (name is not ("id" or "version" or "revision"))
                {
                    fields[name] = value?.DeepClone();
                }
            }

            var before = session.Rows.Program;
            session.Rows.Program = fields;
            if (await session.RefusedAsync(null, current.Key) is { } refused)
            {
                return refused;
            }

            current.Fields = fields.ToJsonString();
            current.Name = fields["name"]?.ToString() ?? current.Name;
            current.Version++;
            session.Record("program", current.Key, "updated", before, fields);
            return EditResult.Saved(current);
        }, cancellationToken);
    }

    /// <summary>Replaces everything in a program with another plan (an import), if the program is still at <paramref name="ifMatchRevision"/>.</summary>
    public Task<EditResult> ReplacePlanAsync(ProgramRow program, long ifMatchRevision, PlanRows plan, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(plan);
        if (FieldLimits.Check(plan) is { Count: > 0 } tooLong)
        {
            return Task.FromResult(EditResult.Invalid(tooLong));
        }

        return WriteAsync(program, actor, async session =>
        {
            var current = session.Program;
            if (current.Revision - 1 != ifMatchRevision)
            {
                return EditResult.Stale(current.Revision - 1);
            }

            if (plan.ProgramKey != current.Key)
            {
                return EditResult.Invalid(new Dictionary<string, string[]> { ["program.id"] = [$"the plan is for program '{plan.ProgramKey}', not '{current.Key}'"] });
            }

            var before = session.Rows.ToYaml();
            await PlanRows.DeleteAllAsync(db, current.Id, cancellationToken);
            plan.AddTo(db, current.Id);
            current.Fields = plan.Program.ToJsonString();
            current.Sections = plan.Sections.ToJsonString();
            current.Name = plan.Program["name"]?.ToString() ?? current.Name;
            current.Version++;
            session.Replace(plan);
            session.Record("plan", current.Key, "imported", JsonValue.Create(before), JsonValue.Create(plan.ToYaml()));
            return EditResult.Saved(current);
        }, cancellationToken);
    }

    /// <summary>Stores a new program from a plan, with <paramref name="ownerUserId"/> as its owner.</summary>
    public async Task<EditResult> CreateProgramAsync(PlanRows plan, long ownerUserId, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actor);
        var key = plan.ProgramKey;
        if (!PlanResource.IdPattern().IsMatch(key))
        {
            return EditResult.Invalid(new Dictionary<string, string[]> { ["id"] = ["a program id is required: letters, digits, '-', '_' and '.', at most 200 characters"] });
        }

        if (FieldLimits.Check(plan) is { Count: > 0 } tooLong)
        {
            return EditResult.Invalid(tooLong);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await db.Programs.AnyAsync(p => p.Key == key, cancellationToken))
        {
            // Said without the id: the program may be one the caller cannot see, and a 409 must not name it.
            return EditResult.Conflict("this program id is taken; choose another", new Dictionary<string, string[]> { ["id"] = ["taken; choose another"] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var program = new ProgramRow
        {
            Key = key,
            Name = plan.Program["name"]?.ToString() ?? key,
            Fields = plan.Program.ToJsonString(),
            Sections = plan.Sections.ToJsonString(),
            CreatedAt = now,
        };
        db.Programs.Add(program);
        await db.SaveChangesAsync(cancellationToken);
        plan.AddTo(db, program.Id);
        db.Memberships.Add(new MembershipRow { ProgramId = program.Id, UserId = ownerUserId, Permission = Permission.Owner });
        db.Changes.Add(new ChangeRow
        {
            ProgramId = program.Id,
            At = now,
            UserId = actor.UserId,
            UserName = actor.Name,
            EntityType = "plan",
            EntityKey = key,
            Action = "created",
            After = plan.ToYaml(),
            Revision = program.Revision,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return EditResult.Saved(program);
    }

    /// <summary>What is wrong with a body for the <c>program</c> section, by field.</summary>
    public static Dictionary<string, string[]> ProgramFieldErrors(JsonObject body, string? key)
    {
        ArgumentNullException.ThrowIfNull(body);
        var errors = FieldLimits.Check(body);
        if (body.ContainsKey("objectives"))
        {
            errors["objectives"] = ["objectives are a resource of their own: use /objectives"];
        }

        if (body["id"] is { } id && key is not null && id.ToString() != key)
        {
            errors["id"] = [$"the program's id is {key}; it cannot be changed"];
        }

        if (body["name"] is null)
        {
            errors["name"] = ["a name is required"];
        }

        return errors;
    }

    /// <summary>Rows of other resources sharing the same table (work items and milestones share ids).</summary>
    private static IEnumerable<PlanEntityRow> Everything(PlanRows rows, PlanResource resource) =>
        resource.Kind == Domain.Diagnostics.EntityKind.WorkItem ? rows.WorkItems : [];

    /// <summary>What the plan's nesting needs that the plan reader cannot see: an item's project and parent exist, a link's ends exist.</summary>
    private static Dictionary<string, string[]>? Structure(PlanRows rows, PlanEntityRow row)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        switch (row)
        {
            case WorkItemRow item:
                if (!rows.Projects.Any(p => p.Key == item.ProjectKey))
                {
                    errors["project"] = [$"there is no project '{item.ProjectKey}' in this program"];
                }

                if (item.ParentKey is { } parentKey)
                {
                    var parent = rows.WorkItems.FirstOrDefault(i => i.Key == parentKey);
                    if (parent is null)
                    {
                        errors["parent"] = [$"there is no work item '{parentKey}' in this program"];
                    }
                    else if (parent.ProjectKey != item.ProjectKey)
                    {
                        errors["parent"] = [$"the parent '{parentKey}' is in project '{parent.ProjectKey}'; an item's parent is in its own project"];
                    }
                    else
                    {
                        for (var ancestor = parent; ancestor is not null; ancestor = rows.WorkItems.FirstOrDefault(i => i.Key == ancestor.ParentKey))
                        {
                            if (ancestor.Key == item.Key)
                            {
                                errors["parent"] = [$"'{parentKey}' is inside '{item.Key}'; an item cannot be its own ancestor"];
                                break;
                            }
                        }
                    }
                }

                break;
            case DependencyRow dependency:
                foreach (var (field, key) in new[] { ("predecessor", dependency.PredecessorKey), ("successor", dependency.SuccessorKey) })
                {
                    if (!rows.WorkItems.Any(i => i.Key == key))
                    {
                        errors[field] = [$"there is no work item '{key}' in this program"];
                    }
                }

                if (rows.Dependencies.Any(d => d.Key != dependency.Key && d.PredecessorKey == dependency.PredecessorKey && d.SuccessorKey == dependency.SuccessorKey))
                {
                    errors["predecessor"] = [$"'{dependency.SuccessorKey}' already depends on '{dependency.PredecessorKey}'"];
                }

                break;
        }

        return errors.Count > 0 ? errors : null;
    }

    private async Task<EditResult> WriteAsync(ProgramRow program, Actor actor, Func<Session, Task<EditResult>> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(actor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bumped = await db.Programs.Where(p => p.Id == program.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Revision, p => p.Revision + 1), cancellationToken);
        if (bumped == 0)
        {
            return EditResult.NotFound;
        }

        var current = await db.Programs.SingleAsync(p => p.Id == program.Id, cancellationToken);

        // The context may already track this row from an earlier edit; the revision just changed under it.
        await db.Entry(current).ReloadAsync(cancellationToken);
        var rows = await PlanRows.LoadAsync(db, current, cancellationToken);
        var session = new Session(this, current, rows, actor);
        var result = await edit(session);
        if (result.Status != EditStatus.Saved)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return result;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        snapshots.Remember(current.Id, new ProgramSnapshot(current.Revision, session.Rows, session.After ?? session.Rows.Read()));
        return result;
    }

    private sealed class Session(PlanEditor editor, ProgramRow program, PlanRows rows, Actor actor)
    {
        public ProgramRow Program => program;

        public PlanRows Rows { get; private set; } = rows;

        /// <summary>The plan as read after the change, once <see cref="RefusedAsync"/> has read it.</summary>
        public PlanReadResult? After { get; private set; }

        public void Replace(PlanRows plan)
        {
            Rows = plan;
            After = null;
        }

        /// <summary>Reads the changed plan; refuses the change if it adds errors to the plan.</summary>
        public async Task<EditResult?> RefusedAsync(PlanResource? resource, string key)
        {
            After = Rows.Read();
            if (!After.HasErrors)
            {
                return null;
            }

            // Only errors the change adds count: compare with the plan as it was at the previous revision.
            var before = editor.snapshots.Cached(program.Id, program.Revision - 1)?.Plan
                ?? (await PlanRows.LoadAsync(editor.db, program, CancellationToken.None)).Read();
            var added = PlanErrors.Added(before, After, Rows, resource, key);
            return added.Count == 0 ? null : EditResult.Invalid(added, "the change would make the plan invalid");
        }

        public void Record(string entityType, string entityKey, string action, JsonNode? before, JsonNode? after) =>
            editor.db.Changes.Add(new ChangeRow
            {
                ProgramId = program.Id,
                At = editor.clock.GetUtcNow().UtcDateTime,
                UserId = actor.UserId,
                UserName = actor.Name,
                EntityType = entityType,
                EntityKey = entityKey,
                Action = action,
                Before = Text(before),
                After = Text(after),
                Revision = program.Revision,
            });

        private static string? Text(JsonNode? node) => node switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            _ => node.ToJsonString(),
        };
    }
}
