using Throughline.Domain;
using Throughline.Domain.Calendars;
using Throughline.Scheduling.Calendars;

namespace Throughline.Scheduling.Leveling;

/// <summary>
/// The day-by-day resource model of a program (see <see cref="ProgramLeveler"/>): which items are jobs, what each
/// demands, and how much each team and person has on each working day.
/// </summary>
internal sealed class LevelingModel
{
    private readonly Program _program;
    private readonly CompiledCalendar _calendar;
    private readonly int _dayMinutes;
    private readonly int _horizon;
    private readonly Dictionary<WorkItemId, int> _leafIndex = [];
    private readonly Dictionary<WorkItemId, WorkItem> _items = [];
    private readonly List<LevelingResource> _resources = [];
    private readonly Dictionary<string, int> _resourceIndex = [];
    private readonly Dictionary<CalendarId, bool> _offCalendar = [];

    // Per leaf: duration in days, release day, demand per resource (percent), fixed or not.
    private int[] _duration = [];
    private int[] _demand = [];
    private int[][] _capacity = [];
    private readonly List<DayLink> _links = [];

    private LevelingModel(Program program, CompiledCalendar calendar, int dayMinutes, int horizon)
    {
        _program = program;
        _calendar = calendar;
        _dayMinutes = dayMinutes;
        _horizon = horizon;
    }

    public List<WorkItem> Leaves { get; } = [];

    public bool[] Fixed { get; private set; } = [];

    public int[] Release { get; private set; } = [];

    public IReadOnlyList<LevelingResource> Resources => _resources;

    /// <summary>The links between leaves (by leaf index), in working days.</summary>
    public IReadOnlyList<DayLink> Links => _links;

    /// <summary>Minutes in one day of the model (the plan's working day).</summary>
    public int DayMinutes => _dayMinutes;

    public static LevelingModel Build(Program program, ProgramSchedule before)
    {
        var parents = program.WorkItems.Where(i => i.Parent is not null).Select(i => i.Parent!.Value).ToHashSet();
        var leaves = program.WorkItems
            .Where(i => !parents.Contains(i.Id) && i.Status != WorkItemStatus.Cancelled && before.Items.ContainsKey(i.Id))
            .GroupBy(i => i.Id).Select(g => g.First()).ToList();

        var origin = program.Start;
        foreach (var leaf in leaves)
        {
            var start = DateOnly.FromDateTime(before[leaf.Id].Start);
            if (start < origin)
            {
                origin = start;
            }
        }

        var library = program.Calendars;
        var definition = (program.Calendar is { } id ? library.FirstOrDefault(c => c.Id == id) : null)
            ?? WorkingCalendar.Standard(new CalendarId("standard"));
        var calendar = CompiledCalendar.Compile(definition, library, origin);
        var dayMinutes = Math.Max(1, program.Units.MinutesPerDay);
        var finishDay = (int)(calendar.PositionOf(before.ProjectFinish) / dayMinutes);
        var model = new LevelingModel(program, calendar, dayMinutes, (finishDay * 2) + 130);
        foreach (var item in program.WorkItems)
        {
            model._items.TryAdd(item.Id, item);
        }

        model.Leaves.AddRange(leaves);
        for (var i = 0; i < leaves.Count; i++)
        {
            model._leafIndex[leaves[i].Id] = i;
        }

        model.Populate(before);
        return model;
    }

    public int Day(DateTime dateTime) => (int)(_calendar.PositionOf(dateTime) / _dayMinutes);

    public DateTime DateOfDay(int day) => _calendar.ToStartDate((long)day * _dayMinutes);

    /// <summary>Job 0 is a source that carries every item's release; job i + 1 is leaf i.</summary>
    public RcpspInstance ToInstance()
    {
        var jobs = Leaves.Count + 1;
        var resources = _resources.Count;
        var durations = new int[jobs];
        var demands = new int[jobs * resources];
        var capacities = new int[resources];
        var profiles = new int[resources][];
        for (var r = 0; r < resources; r++)
        {
            capacities[r] = _resources[r].BaseCapacityPercent;
            profiles[r] = (int[])_capacity[r].Clone();
        }

        var links = new List<(int, int, int)>();
        for (var i = 0; i < Leaves.Count; i++)
        {
            durations[i + 1] = _duration[i];
            links.Add((0, i + 1, Release[i]));
            for (var r = 0; r < resources; r++)
            {
                var u = _demand[(i * resources) + r];
                if (Fixed[i])
                {
                    // A fixed item's load is taken off capacity where it runs, and it demands nothing itself.
                    for (var t = Release[i]; t < Release[i] + _duration[i] && t < _horizon; t++)
                    {
                        profiles[r][t] = Math.Max(0, profiles[r][t] - u);
                    }
                }
                else
                {
                    demands[((i + 1) * resources) + r] = u;
                }
            }
        }

        foreach (var link in _links)
        {
            links.Add((link.Predecessor + 1, link.Successor + 1, link.StartLag(_duration[link.Predecessor], _duration[link.Successor])));
        }

        return new RcpspInstance(_program.Name, durations, capacities, demands, links, profiles);
    }

    /// <summary>Weeks where some resource is asked for more than it has, in the given schedule.</summary>
    public IReadOnlyList<OverAllocation> OverAllocations(ProgramSchedule schedule)
    {
        var result = new List<OverAllocation>();
        var resources = _resources.Count;
        var days = 0;
        var starts = new int[Leaves.Count];
        for (var i = 0; i < Leaves.Count; i++)
        {
            starts[i] = schedule.Items.TryGetValue(Leaves[i].Id, out var s) ? Day(s.Start) : Release[i];
            days = Math.Max(days, starts[i] + _duration[i]);
        }

        days = Math.Min(days, _horizon);
        for (var r = 0; r < resources; r++)
        {
            var use = new int[days];
            for (var i = 0; i < Leaves.Count; i++)
            {
                var u = _demand[(i * resources) + r];
                for (var t = starts[i]; u > 0 && t < starts[i] + _duration[i] && t < days; t++)
                {
                    use[t] += u;
                }
            }

            DateOnly? week = null;
            var peakDay = -1;
            for (var t = 0; t <= days; t++)
            {
                var monday = t < days ? Monday(DateOnly.FromDateTime(DateOfDay(t))) : (DateOnly?)null;
                if (monday != week)
                {
                    if (peakDay >= 0)
                    {
                        result.Add(Over(r, week!.Value, peakDay, use[peakDay], starts));
                    }

                    week = monday;
                    peakDay = -1;
                }

                if (t < days && use[t] > _capacity[r][t] && (peakDay < 0 || use[t] - _capacity[r][t] > use[peakDay] - _capacity[r][peakDay]))
                {
                    peakDay = t;
                }
            }
        }

        return result.OrderBy(o => o.WeekStart).ThenBy(o => o.Resource.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Why each delayed job starts when it does in the solver's schedule.</summary>
    public IReadOnlyList<LevelingDelay> Explain(RcpspInstance instance, IReadOnlyList<int> starts)
    {
        var delays = new List<LevelingDelay>();
        var resources = _resources.Count;
        for (var job = 1; job < instance.JobCount; job++)
        {
            var i = job - 1;
            var delay = starts[job] - Release[i];
            if (delay <= 0 || Fixed[i])
            {
                continue;
            }

            // Earliest start its predecessors allow in the leveled schedule, and the one that sets it.
            var earliest = 0;
            var driver = -1;
            for (var k = instance.PredecessorStart[job]; k < instance.PredecessorStart[job + 1]; k++)
            {
                var candidate = starts[instance.Predecessors[k]] + instance.PredecessorLags[k];
                if (candidate > earliest || (candidate == earliest && instance.Predecessors[k] != 0))
                {
                    earliest = Math.Max(earliest, candidate);
                    driver = instance.Predecessors[k];
                }
            }

            var resourceDelay = starts[job] - earliest;
            var item = Leaves[i];
            var original = DateOfDay(Release[i]);
            var leveledStart = DateOfDay(starts[job]);
            if (resourceDelay <= 0)
            {
                var name = driver > 0 ? Leaves[driver - 1].Name : "its predecessors";
                delays.Add(new LevelingDelay(item.Id, original, leveledStart, delay, 0, null, [],
                    $"starts {Days(delay)} later because its predecessor {Quote(name)} was delayed by leveling"));
                continue;
            }

            // The resource that did not have room at the earliest start: the first conflicting day, largest shortfall.
            var (resource, day) = Blocking(instance, starts, job, earliest);
            var competing = new List<int>();
            if (resource >= 0)
            {
                for (var other = 1; other < instance.JobCount; other++)
                {
                    if (other != job && starts[other] <= day && day < starts[other] + instance.Duration(other)
                        && _demand[((other - 1) * resources) + resource] > 0)
                    {
                        competing.Add(other);
                    }
                }

                competing.Sort((a, b) => _demand[((b - 1) * resources) + resource].CompareTo(_demand[((a - 1) * resources) + resource]) is var c && c != 0 ? c : a.CompareTo(b));
            }

            var ids = competing.Select(o => Leaves[o - 1].Id).ToList();
            var names = competing.Take(3).Select(o => Quote(Leaves[o - 1].Name)).ToList();
            var holder = resource >= 0 ? _resources[resource] : null;
            string why;
            if (holder is null)
            {
                why = "no resource has room earlier";
            }
            else if (names.Count == 0)
            {
                why = $"{holder} has no capacity free then (leave, on-call or KTLO load)";
            }
            else
            {
                var more = competing.Count > 3 ? $" and {competing.Count - 3} more" : string.Empty;
                why = $"{holder} is at capacity with {JoinNames(names)}{more}";
            }

            delays.Add(new LevelingDelay(item.Id, original, leveledStart, delay, resourceDelay, holder, ids,
                $"starts {Days(resourceDelay)} later than its predecessors allow: {why}"));
        }

        return delays.OrderBy(d => d.LeveledStart).ThenBy(d => d.Item.Value, StringComparer.Ordinal).ToList();
    }

    private (int Resource, int Day) Blocking(RcpspInstance instance, IReadOnlyList<int> starts, int job, int at)
    {
        var resources = _resources.Count;
        var bestResource = -1;
        var bestDay = at;
        var bestShortfall = 0;
        for (var t = at; t < at + instance.Duration(job) && bestResource < 0; t++)
        {
            for (var r = 0; r < resources; r++)
            {
                var need = instance.Demand(job, r);
                if (need == 0)
                {
                    continue;
                }

                var used = 0;
                for (var other = 1; other < instance.JobCount; other++)
                {
                    if (other != job && starts[other] <= t && t < starts[other] + instance.Duration(other))
                    {
                        used += instance.Demand(other, r);
                    }
                }

                var shortfall = used + need - instance.CapacityAt(r, t);
                if (shortfall > bestShortfall)
                {
                    bestShortfall = shortfall;
                    bestResource = r;
                    bestDay = t;
                }
            }
        }

        return (bestResource, bestDay);
    }

    private OverAllocation Over(int r, DateOnly week, int day, int use, int[] starts)
    {
        var resources = _resources.Count;
        var items = new List<int>();
        for (var i = 0; i < Leaves.Count; i++)
        {
            if (_demand[(i * resources) + r] > 0 && starts[i] <= day && day < starts[i] + _duration[i])
            {
                items.Add(i);
            }
        }

        items.Sort((a, b) => _demand[(b * resources) + r].CompareTo(_demand[(a * resources) + r]) is var c && c != 0 ? c : a.CompareTo(b));
        return new OverAllocation(_resources[r], week, use, _capacity[r][day], items.Select(i => Leaves[i].Id).ToList());
    }

    private void Populate(ProgramSchedule before)
    {
        var n = Leaves.Count;
        _duration = new int[n];
        Release = new int[n];
        Fixed = new bool[n];
        var people = _program.People.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());
        var teams = _program.Teams.GroupBy(t => t.Id).ToDictionary(g => g.Key, g => g.First());
        var projects = _program.Projects.GroupBy(p => p.Id).ToDictionary(g => g.Key, g => g.First());

        // Demands by resource key first; resources are created as items name them. What a person is asked for is
        // not yet charged to their team's pool: the pool is charged what the person can give, known only once
        // capacities are built (below).
        var demands = new List<Dictionary<int, int>>();
        var poolOfPerson = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            var item = Leaves[i];
            var schedule = before[item.Id];
            Release[i] = Day(schedule.Start);
            // A job holds its people for the program days it spans on their calendars: an item of a person whose own
            // (or team's) calendar has a holiday runs across it, and another item of theirs cannot start on the day
            // after its working time would end on the program calendar. An item on a calendar that works when the
            // program's does not (a weekend cutover) still lasts its working time.
            var span = _calendar.PositionOf(schedule.Finish) - _calendar.PositionOf(schedule.Start);
            _duration[i] = item.IsMilestone || schedule.DurationMinutes <= 0
                ? 0
                : (int)((Math.Max(schedule.DurationMinutes, span) + _dayMinutes - 1) / _dayMinutes);
            Fixed[i] = item.Status == WorkItemStatus.Done
                || item.Progress.ActualStart is not null
                || item.Constraint.Type is not (ConstraintType.AsSoonAsPossible or ConstraintType.StartNoEarlierThan);

            var demand = new Dictionary<int, int>();
            void Add(int resource, double units)
            {
                demand[resource] = demand.GetValueOrDefault(resource) + (int)Math.Round(units);
            }

            if (_duration[i] > 0 && !OffProgramCalendar(item))
            {
                foreach (var assignment in item.Assignments)
                {
                    if (assignment.Person is { } personId && people.TryGetValue(personId, out var person))
                    {
                        var personResource = PersonResource(person);
                        Add(personResource, assignment.Units);
                        if (person.Team is { } teamId && teams.TryGetValue(teamId, out var team))
                        {
                            poolOfPerson[personResource] = TeamResource(team, people.Values);
                        }
                    }
                    else if (assignment.Team is { } teamId && teams.TryGetValue(teamId, out var team))
                    {
                        Add(TeamResource(team, people.Values), assignment.Units);
                    }
                }

                if (item.Assignments.Count == 0
                    && projects.TryGetValue(item.Project, out var project)
                    && project.OwningTeam is { } owner
                    && teams.TryGetValue(owner, out var owning))
                {
                    Add(TeamResource(owning, people.Values), 100);
                }
            }

            demands.Add(demand);
        }

        BuildCapacities(people, teams);
        var resources = _resources.Count;
        _demand = new int[n * resources];
        var workable = new int[resources];
        for (var r = 0; r < resources; r++)
        {
            // What the resource can give in any working period: its lowest capacity outside leave (on-call and KTLO
            // load come off every week). A job without preemption cannot wait for a week with no on-call, so work is
            // leveled at the share of time a person can really give.
            var lowest = _resources[r].BaseCapacityPercent;
            foreach (var c in _capacity[r])
            {
                if (c > 0 && c < lowest)
                {
                    lowest = c;
                }
            }

            workable[r] = lowest;
        }

        // Nobody works above their capacity: a larger assignment is leveled at what the resource can give.
        int Given(int r, int units) => workable[r] <= 0 ? 0 : Math.Min(units, workable[r]);

        var pools = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            // People first, then pools. A pool is charged what each of its people gives to the item (their capped
            // demand), not what they were assigned: the pool is made of those same people's time, so charging the
            // uncapped units would count work nobody does. With the uncapped charge two people of a
            // team sharing a 20% on-call rotation could never work side by side (100% + 100% against a pool of 180%),
            // although they give 80% + 80%. Work assigned to the team itself (or to the owning team) is charged as
            // assigned; the pool's total is then capped at what the pool can give, like a person's.
            pools.Clear();
            foreach (var (r, u) in demands[i])
            {
                if (_resources[r].Kind == LevelingResourceKind.Person)
                {
                    var given = Given(r, u);
                    _demand[(i * resources) + r] = given;
                    if (poolOfPerson.TryGetValue(r, out var pool))
                    {
                        pools[pool] = pools.GetValueOrDefault(pool) + given;
                    }
                }
                else
                {
                    pools[r] = pools.GetValueOrDefault(r) + u;
                }
            }

            foreach (var (r, u) in pools)
            {
                _demand[(i * resources) + r] = Given(r, u);
            }
        }

        BuildLinks(before);
    }

    /// <summary>
    /// Whether the item works only when the program calendar does not (its own calendar has no working time in common
    /// with the program's: a weekend cutover). The day model has no such days, so the item would be counted on the
    /// weekdays around it, against people who are not working then on anything else; it demands nothing instead.
    /// </summary>
    private bool OffProgramCalendar(WorkItem item)
    {
        if (item.Calendar is not { } id)
        {
            return false;
        }

        if (!_offCalendar.TryGetValue(id, out var off))
        {
            var definition = _program.Calendars.FirstOrDefault(c => c.Id == id);
            off = definition is not null && CompiledCalendar.Combine(
                id.Value,
                [_calendar, CompiledCalendar.Compile(definition, _program.Calendars, _calendar.Origin)],
                union: false).MinutesPerWeek == 0;
            _offCalendar[id] = off;
        }

        return off;
    }

    private int PersonResource(Person person)
    {
        var key = "person:" + person.Id.Value;
        if (_resourceIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        var percent = (int)Math.Round(person.WeeklyCapacity.Minutes * 100.0 / Math.Max(1, _program.Units.MinutesPerWeek));
        _resources.Add(new LevelingResource(person.Id.Value, person.Name, LevelingResourceKind.Person, percent));
        return _resourceIndex[key] = _resources.Count - 1;
    }

    private int TeamResource(Team team, IEnumerable<Person> people)
    {
        var key = "team:" + team.Id.Value;
        if (_resourceIndex.TryGetValue(key, out var index))
        {
            return index;
        }

        int percent;
        if (team.Capacity is { } stated)
        {
            percent = (int)Math.Round(stated.Minutes * 100.0 / Math.Max(1, _program.Units.MinutesPerWeek));
        }
        else
        {
            var members = people.Where(p => p.Team == team.Id)
                .Sum(p => p.WeeklyCapacity.Minutes * 100.0 / Math.Max(1, _program.Units.MinutesPerWeek));
            percent = (int)Math.Round(members * (100 - team.KtloPercent) / 100.0);
        }

        _resources.Add(new LevelingResource(team.Id.Value, team.Name, LevelingResourceKind.Team, percent));
        return _resourceIndex[key] = _resources.Count - 1;
    }

    private void BuildCapacities(Dictionary<PersonId, Person> people, Dictionary<TeamId, Team> teams)
    {
        var dates = new DateOnly[_horizon];
        for (var t = 0; t < _horizon; t++)
        {
            dates[t] = DateOnly.FromDateTime(DateOfDay(t));
        }

        // Each person's share of a full-time week, day by day: zero on leave, less on-call load in on-call weeks.
        var personDaily = new Dictionary<PersonId, double[]>();
        foreach (var person in people.Values)
        {
            var daily = new double[_horizon];
            var base100 = person.WeeklyCapacity.Minutes * 100.0 / Math.Max(1, _program.Units.MinutesPerWeek);
            for (var t = 0; t < _horizon; t++)
            {
                daily[t] = person.Leave.Any(l => l.Contains(dates[t])) ? 0 : base100;
            }

            personDaily[person.Id] = daily;
        }

        foreach (var rotation in _program.Rotations)
        {
            if (rotation.Members.Count == 0 || rotation.ShiftDays <= 0)
            {
                continue;
            }

            for (var t = 0; t < _horizon; t++)
            {
                var shift = (int)Math.Floor((dates[t].DayNumber - _program.Start.DayNumber) / (double)rotation.ShiftDays);
                var member = rotation.Members[((shift % rotation.Members.Count) + rotation.Members.Count) % rotation.Members.Count];
                if (personDaily.TryGetValue(member, out var daily))
                {
                    daily[t] *= (100 - rotation.LoadPercent) / 100.0;
                }
            }
        }

        _capacity = new int[_resources.Count][];
        for (var r = 0; r < _resources.Count; r++)
        {
            var resource = _resources[r];
            var profile = new int[_horizon];
            if (resource.Kind == LevelingResourceKind.Person)
            {
                var daily = personDaily[new PersonId(resource.Id)];
                for (var t = 0; t < _horizon; t++)
                {
                    profile[t] = Math.Min(resource.BaseCapacityPercent, (int)Math.Round(daily[t]));
                }
            }
            else
            {
                var team = teams[new TeamId(resource.Id)];
                var members = people.Values.Where(p => p.Team == team.Id).ToList();
                for (var t = 0; t < _horizon; t++)
                {
                    if (team.Capacity is not null)
                    {
                        profile[t] = resource.BaseCapacityPercent;
                        continue;
                    }

                    var sum = members.Sum(p => personDaily[p.Id][t]);
                    profile[t] = Math.Min(resource.BaseCapacityPercent, (int)Math.Round(sum * (100 - team.KtloPercent) / 100.0));
                }
            }

            _capacity[r] = profile;
        }
    }

    private void BuildLinks(ProgramSchedule before)
    {
        var children = _program.WorkItems.Where(i => i.Parent is not null)
            .GroupBy(i => i.Parent!.Value).ToDictionary(g => g.Key, g => g.Select(i => i.Id).ToList());
        List<int> LeavesUnder(WorkItemId id)
        {
            var found = new List<int>();
            var stack = new Stack<WorkItemId>();
            stack.Push(id);
            var seen = new HashSet<WorkItemId>();
            while (stack.Count > 0)
            {
                var current = stack.Pop();
                if (!seen.Add(current))
                {
                    continue;
                }

                if (_leafIndex.TryGetValue(current, out var leaf))
                {
                    found.Add(leaf);
                }
                else if (children.TryGetValue(current, out var kids))
                {
                    foreach (var kid in kids)
                    {
                        stack.Push(kid);
                    }
                }
            }

            return found;
        }

        foreach (var dependency in _program.Dependencies)
        {
            if (!before.Items.ContainsKey(dependency.Predecessor) || !before.Items.ContainsKey(dependency.Successor))
            {
                continue;
            }

            foreach (var p in LeavesUnder(dependency.Predecessor))
            {
                foreach (var s in LeavesUnder(dependency.Successor))
                {
                    if (p == s)
                    {
                        continue;
                    }

                    _links.Add(new DayLink(p, s, dependency.Type, LagDays(dependency.Lag, _duration[p])));
                }
            }
        }
    }

    private int LagDays(Lag lag, int predecessorDays)
    {
        double days = lag.Kind switch
        {
            LagKind.Working => lag.Amount / (double)_dayMinutes,
            LagKind.Elapsed => lag.Amount / 1440.0 * 5 / 7,
            LagKind.PercentOfPredecessor => lag.Amount * predecessorDays / 100.0,
        };

        // Round away from "earlier": a partial day of wait still costs the day; a partial day of lead does not.
        return days >= 0 ? (int)Math.Ceiling(days) : (int)Math.Floor(days);
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static string Days(int days) => days == 1 ? "1 working day" : $"{days} working days";

    private static string Quote(string name) => $"\"{name}\"";

    private static string JoinNames(List<string> names) => names.Count switch
    {
        1 => names[0],
        2 => $"{names[0]} and {names[1]}",
        _ => string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1],
    };
}

/// <summary>A link between two leaves of a <see cref="LevelingModel"/> (by leaf index), its lag in working days.</summary>
internal readonly record struct DayLink(int Predecessor, int Successor, DependencyType Type, int LagDays)
{
    public bool FromFinish => Type is DependencyType.FinishToStart or DependencyType.FinishToFinish;

    public bool ToFinish => Type is DependencyType.FinishToFinish or DependencyType.StartToFinish;

    /// <summary>Days from the predecessor's start to the earliest start of the successor, for the given durations.</summary>
    public int StartLag(int predecessorDays, int successorDays) =>
        (FromFinish ? predecessorDays : 0) + LagDays - (ToFinish ? successorDays : 0);
}
