using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Domain.Diagnostics;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Leveling;

/// <summary>
/// Levels a program against the capacity of its teams and people: converts the plan to an
/// <see cref="RcpspInstance"/> on working days of the program calendar, solves it, writes each delay back as a
/// start-no-earlier-than constraint, reschedules, and explains every delay.
/// </summary>
/// <remarks>
/// Model (docs/leveling.md): every leaf work item is a job lasting its scheduled working time rounded up to whole
/// days. An item assigned to people draws their units from each person, capped at what the person can give in any
/// working week, and that same capped share from each person's team pool; an item assigned to a team draws on the
/// pool; an unassigned item draws 100% of its project's owning team. A person's capacity is their weekly capacity
/// (40 h = 100%), zero on leave, less their rotation's load in on-call weeks; a team pool is its members' capacity
/// less the team's KTLO share (or the team's stated capacity). Items that are done, in progress or pinned by a hard
/// constraint stay where they are; their load is taken off capacity first. Every job is released at its unleveled
/// early start, which carries constraints, the status date and links the day model cannot express exactly.
/// </remarks>
public static class ProgramLeveler
{
    public static ProgramLeveling Level(Program program, ProgramLevelingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        options ??= ProgramLevelingOptions.Default;
        var before = ProgramScheduler.Schedule(program, options.Schedule);
        var cycles = before.Diagnostics.Where(d => d.Code == DiagnosticCodes.DependencyCycle).ToList();
        if (cycles.Count > 0)
        {
            return new ProgramLeveling(program, before, before, [], [], [], [], null, cycles);
        }

        var model = LevelingModel.Build(program, before);
        var overBefore = model.OverAllocations(before);
        if (model.Resources.Count == 0)
        {
            return new ProgramLeveling(program, before, before, [], [], overBefore, overBefore, null, []);
        }

        var instance = model.ToInstance();
        var search = RcpspSolver.Solve(instance, new RcpspSolverOptions
        {
            MaxSchedules = options.Schedules,
            Seed = options.Seed,
            Threads = options.Threads,
        });

        var leveledItems = program.WorkItems.ToList();
        var byIndex = new Dictionary<WorkItemId, int>();
        for (var i = 0; i < leveledItems.Count; i++)
        {
            byIndex.TryAdd(leveledItems[i].Id, i);
        }

        // The solver's schedule, re-generated serially in its own start order at minute precision (what a leveled
        // forecast does in every iteration, CapacityPass): an item that waits for room there starts no earlier than the
        // day it finds it. What links ask is left to the scheduler, so the day model's rounding moves nothing, and the
        // leveled plan is the one the forecast plans.
        var priority = search.Starts.Skip(1).ToArray();
        var capacity = (model, instance, priority);
        var built = ProgramNetwork.Build(program, options.Schedule);
        var pass = CapacityPass.Create(capacity, built);
        var floors = pass.PlanFloors(built.Network);
        for (var i = 0; i < model.Leaves.Count; i++)
        {
            if (floors.StartDay[i] is { } day)
            {
                var at = byIndex[model.Leaves[i].Id];
                leveledItems[at] = leveledItems[at] with
                {
                    Constraint = new Constraint(ConstraintType.StartNoEarlierThan, model.DateOfDay(day)),
                };
            }
        }

        var leveled = program with { WorkItems = leveledItems };
        var after = ProgramScheduler.Schedule(leveled, options.Schedule);
        // Explain only the moves that survive rescheduling at minute precision (the day model rounds durations up).
        var delays = model.Explain(instance, search.Starts)
            .Where(d => after.Items.TryGetValue(d.Item, out var moved) && moved.Start > before[d.Item].Start)
            .Select(d => d with { OriginalStart = before[d.Item].Start, LeveledStart = after[d.Item].Start })
            .ToList();
        return new ProgramLeveling(
            leveled,
            before,
            after,
            model.Resources,
            delays,
            overBefore,
            model.OverAllocations(after),
            search,
            [])
        {
            FinishDelayDays = model.Day(after.ProjectFinish) - model.Day(before.ProjectFinish),
            Capacity = capacity,
        };
    }
}
