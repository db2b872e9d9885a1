using Throughline.Domain.Calendars;

namespace Throughline.Scheduling.Calendars;

/// <summary>
/// A <see cref="WorkingCalendar"/> compiled into lookup tables, so that converting between dates and working time is
/// O(1) (date to position) or O(log days) (position to date), never a minute-by-minute walk.
/// </summary>
/// <remarks>
/// <para>
/// Two time scales are used. An <em>instant</em> is elapsed minutes since midnight at the start of <see cref="Origin"/>
/// (weekends included): it is how a date-time is written as a number. A <em>position</em> is the number of working
/// minutes of this calendar that lie wholly before an instant: it is how the engine does arithmetic, because adding
/// three working days is adding 1,440 to a position.
/// </para>
/// <para>
/// A position is the gap between two working minutes, so it has two natural dates, and Microsoft Project uses both:
/// <see cref="ToStartDate"/> is the start of the next working minute (Monday 08:00) and <see cref="ToFinishDate"/>
/// is the end of the previous one (Friday 17:00). <see cref="PositionOf(DateTime)"/> maps both back to the same
/// position.
/// </para>
/// <para>
/// Days from <see cref="Origin"/> up to the last exception (and at least the requested horizon) are tabulated
/// (cumulative minutes per day); after them only the weekly pattern applies, so later days are computed
/// arithmetically and the calendar has no upper horizon. Instants before the origin count as position 0.
/// </para>
/// </remarks>
public sealed class CompiledCalendar
{
    private const int MinutesPerDay = 1440;

    private readonly DayPattern[] patterns;
    private readonly ushort[] dayPattern;

    // cumulative[d] = working minutes in days [0, d); length days + 1.
    private readonly long[] cumulative;
    private readonly int tabulatedDays;

    // An index from position to day: blockDay[p >> BlockShift] is at most a few days before the day holding p.
    private const int BlockShift = 8;
    private readonly int[] blockDay;

    // The periodic tail: day tabulatedDays + k uses tailPattern[k % 7]; tailCumulative[j] = minutes in its first j days.
    private readonly ushort[] tailPattern = new ushort[7];
    private readonly long[] tailCumulative = new long[8];

    private CompiledCalendar(string name, DateOnly origin, DayPattern[] patterns, ushort[] dayPattern, ushort[] weekPatterns)
    {
        Name = name;
        Origin = origin;
        this.patterns = patterns;
        this.dayPattern = dayPattern;
        tabulatedDays = dayPattern.Length;
        cumulative = new long[tabulatedDays + 1];
        for (var d = 0; d < tabulatedDays; d++)
        {
            cumulative[d + 1] = cumulative[d] + patterns[dayPattern[d]].Minutes;
        }

        // blockDay[b] = the last day starting at or before position b << BlockShift.
        blockDay = new int[(int)(cumulative[tabulatedDays] >> BlockShift) + 1];
        var day = 0;
        for (var b = 0; b < blockDay.Length; b++)
        {
            var position = (long)b << BlockShift;
            while (day + 1 < tabulatedDays && cumulative[day + 1] <= position)
            {
                day++;
            }

            blockDay[b] = day;
        }

        var firstTailWeekday = (int)origin.AddDays(tabulatedDays).DayOfWeek;
        for (var k = 0; k < 7; k++)
        {
            tailPattern[k] = weekPatterns[(firstTailWeekday + k) % 7];
            tailCumulative[k + 1] = tailCumulative[k] + patterns[tailPattern[k]].Minutes;
        }
    }

    public string Name { get; }

    /// <summary>Day 0 of the instant scale: instant 0 is midnight at the start of this date.</summary>
    public DateOnly Origin { get; }

    /// <summary>Working minutes in one week of the repeating pattern.</summary>
    public long MinutesPerWeek => tailCumulative[7];

    /// <summary>The calendar and its bases, most derived first; a missing base or a cycle ends the chain.</summary>
    internal static List<WorkingCalendar> Chain(WorkingCalendar calendar, IReadOnlyList<WorkingCalendar> library)
    {
        var chain = new List<WorkingCalendar> { calendar };
        var seen = new HashSet<Domain.CalendarId> { calendar.Id };
        for (var current = calendar; current.BaseCalendar is { } baseId;)
        {
            var next = library.FirstOrDefault(c => c.Id == baseId);
            if (next is null || !seen.Add(next.Id))
            {
                break;
            }

            chain.Add(next);
            current = next;
        }

        return chain;
    }

    /// <summary>
    /// Compiles <paramref name="calendar"/>, resolving its base calendars from <paramref name="library"/>: the
    /// calendar's own week is authoritative (the domain record always has one) and exceptions are the union of the
    /// base chain's and its own, a derived calendar's exception winning on a date both name. A base that is missing
    /// or that closes a cycle ends the chain (the program validator reports those).
    /// </summary>
    /// <param name="calendar">The calendar to compile.</param>
    /// <param name="library">Calendars a base id may refer to.</param>
    /// <param name="origin">Day 0 of the instant scale; all calendars of one schedule must share it.</param>
    /// <param name="horizonDays">Days to tabulate at least; exceptions beyond extend it automatically.</param>
    public static CompiledCalendar Compile(WorkingCalendar calendar, IReadOnlyList<WorkingCalendar> library, DateOnly origin, int horizonDays = 366 * 40)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(library);
        ArgumentOutOfRangeException.ThrowIfNegative(horizonDays);

        // Base-most first, so that later (more derived) exceptions overwrite earlier ones.
        var chain = Chain(calendar, library);
        chain.Reverse();

        var days = horizonDays;
        foreach (var exception in chain.SelectMany(c => c.Exceptions))
        {
            days = Math.Max(days, exception.To.DayNumber - origin.DayNumber + 1);
        }

        var patternIds = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var patterns = new List<DayPattern>();
        ushort Intern(IReadOnlyList<WorkingTimeRange> ranges)
        {
            var pattern = DayPattern.From(ranges);
            if (!patternIds.TryGetValue(pattern.Key, out var id))
            {
                id = checked((ushort)patterns.Count);
                patternIds.Add(pattern.Key, id);
                patterns.Add(pattern);
            }

            return id;
        }

        var week = new ushort[7];
        for (var w = 0; w < 7; w++)
        {
            week[w] = Intern(calendar.Week[w]);
        }

        var dayPattern = new ushort[days];
        var originWeekday = (int)origin.DayOfWeek;
        for (var d = 0; d < days; d++)
        {
            dayPattern[d] = week[(originWeekday + d) % 7];
        }

        foreach (var exception in chain.SelectMany(c => c.Exceptions))
        {
            var id = Intern(exception.WorkingTimes);
            var from = Math.Max(0, exception.From.DayNumber - origin.DayNumber);
            var to = exception.To.DayNumber - origin.DayNumber;
            for (var d = from; d <= to; d++)
            {
                dayPattern[d] = id;
            }
        }

        return new CompiledCalendar(calendar.Name, origin, [.. patterns], dayPattern, week);
    }

    /// <summary>A calendar on which every minute is working time: what an elapsed duration (Microsoft Project's "ed") runs on.</summary>
    public static CompiledCalendar Continuous(DateOnly origin, string name = "Elapsed")
    {
        var always = new bool[MinutesPerDay];
        Array.Fill(always, true);
        return new CompiledCalendar(name, origin, [DayPattern.FromMask(always)], new ushort[366], new ushort[7]);
    }

    /// <summary>
    /// A calendar working whenever any of <paramref name="calendars"/> works (<paramref name="union"/>), or only when all
    /// of them do: what Microsoft Project schedules a task on when resources with different calendars are assigned to
    /// it (the union), intersected with the task's own calendar if it has one.
    /// </summary>
    /// <remarks>Built day by day from the compiled tables; equal combinations of day patterns are combined once.</remarks>
    public static CompiledCalendar Combine(string name, IReadOnlyList<CompiledCalendar> calendars, bool union)
    {
        ArgumentNullException.ThrowIfNull(calendars);
        if (calendars.Count == 0)
        {
            throw new ArgumentException("At least one calendar is needed.", nameof(calendars));
        }

        if (calendars.Count == 1)
        {
            return calendars[0];
        }

        var origin = calendars[0].Origin;
        if (calendars.Any(c => c.Origin != origin))
        {
            throw new ArgumentException("The calendars must share an origin.", nameof(calendars));
        }

        var days = calendars.Max(c => c.tabulatedDays);
        var patternIds = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var combinations = new Dictionary<string, ushort>(StringComparer.Ordinal);
        var patterns = new List<DayPattern>();
        var ids = new ushort[calendars.Count];
        ushort PatternOfDay(long day)
        {
            for (var i = 0; i < calendars.Count; i++)
            {
                ids[i] = calendars[i].DayStart(day).Pattern;
            }

            var combination = string.Join(',', ids);
            if (combinations.TryGetValue(combination, out var id))
            {
                return id;
            }

            var working = new bool[MinutesPerDay];
            Array.Fill(working, !union);
            for (var i = 0; i < calendars.Count; i++)
            {
                var mine = new bool[MinutesPerDay];
                foreach (var minute in calendars[i].patterns[ids[i]].Nth)
                {
                    mine[minute] = true;
                }

                for (var m = 0; m < MinutesPerDay; m++)
                {
                    working[m] = union ? working[m] || mine[m] : working[m] && mine[m];
                }
            }

            var pattern = DayPattern.FromMask(working);
            if (!patternIds.TryGetValue(pattern.Key, out id))
            {
                id = checked((ushort)patterns.Count);
                patternIds.Add(pattern.Key, id);
                patterns.Add(pattern);
            }

            combinations.Add(combination, id);
            return id;
        }

        var dayPattern = new ushort[days];
        for (var d = 0; d < days; d++)
        {
            dayPattern[d] = PatternOfDay(d);
        }

        // Past every table, each calendar repeats its week: so does the combination.
        var week = new ushort[7];
        var firstWeekday = (int)origin.AddDays(days).DayOfWeek;
        for (var k = 0; k < 7; k++)
        {
            week[(firstWeekday + k) % 7] = PatternOfDay(days + k);
        }

        return new CompiledCalendar(name, origin, [.. patterns], dayPattern, week);
    }

    /// <summary>The instant (elapsed minutes since <see cref="Origin"/>) of a local date-time, seconds dropped.</summary>
    public long InstantOf(DateTime dateTime) =>
        ((long)(DateOnly.FromDateTime(dateTime).DayNumber - Origin.DayNumber) * MinutesPerDay) + (dateTime.Hour * 60) + dateTime.Minute;

    /// <summary>
    /// The local date-time of an instant, held at <see cref="DateTime.MinValue"/> or <see cref="DateTime.MaxValue"/>
    /// beyond them: positions are plain numbers and a long enough chain of work outruns year 9999. Callers check the
    /// plan's range (<c>PlanRange</c>) and report such a schedule rather than show it; it must not throw on the way.
    /// </summary>
    public DateTime DateOf(long instant)
    {
        var origin = Origin.ToDateTime(TimeOnly.MinValue);
        var minutesToMax = (DateTime.MaxValue - origin).Ticks / TimeSpan.TicksPerMinute;
        var minutesToMin = (origin - DateTime.MinValue).Ticks / TimeSpan.TicksPerMinute;
        return instant > minutesToMax ? DateTime.MaxValue
            : instant < -minutesToMin ? DateTime.MinValue
            : origin.AddMinutes(instant);
    }

    /// <summary>Working minutes wholly before <paramref name="instant"/>; 0 before the origin.</summary>
    public long PositionAt(long instant)
    {
        if (instant <= 0)
        {
            return 0;
        }

        var day = instant / MinutesPerDay;
        var minute = (int)(instant % MinutesPerDay);
        var (before, pattern) = DayStart(day);
        return before + patterns[pattern].Before[minute];
    }

    /// <summary>Working minutes wholly before <paramref name="dateTime"/>: a start or a finish date alike.</summary>
    public long PositionOf(DateTime dateTime) => PositionAt(InstantOf(dateTime));

    /// <summary>The instant at which working minute number <paramref name="position"/> starts (the start date of a position).</summary>
    public long StartInstant(long position)
    {
        position = Math.Max(position, 0);
        long day;
        long before;
        ushort pattern;
        if (position < cumulative[tabulatedDays])
        {
            // The largest day whose cumulative start is <= position holds that minute (empty days share its value).
            // The block index gives a day at or before it; a step or two forward finds it, instead of a 14-step
            // binary search over the ~15,000 tabulated days (this runs for every elapsed lag and calendar change).
            var d = blockDay[position >> BlockShift];
            while (cumulative[d + 1] <= position)
            {
                d++;
            }

            day = d;
            before = cumulative[d];
            pattern = dayPattern[d];
        }
        else
        {
            var perWeek = tailCumulative[7];
            if (perWeek == 0)
            {
                throw new InvalidOperationException($"Calendar '{Name}' has no working time after {Origin.AddDays(tabulatedDays):yyyy-MM-dd}, so working minute {position} never comes.");
            }

            var offset = position - cumulative[tabulatedDays];
            var weeks = offset / perWeek;
            var rest = offset % perWeek;
            // The largest k with tailCumulative[k] <= rest; tailCumulative[k + 1] > rest, so day k holds the minute.
            var k = 6;
            while (tailCumulative[k] > rest)
            {
                k--;
            }

            day = tabulatedDays + (weeks * 7) + k;
            before = cumulative[tabulatedDays] + (weeks * perWeek) + tailCumulative[k];
            pattern = tailPattern[k];
        }

        return (day * MinutesPerDay) + patterns[pattern].Nth[position - before];
    }

    /// <summary>The instant at which working minute number <paramref name="position"/> - 1 ends (the finish date of a position).</summary>
    public long FinishInstant(long position) => position <= 0 ? StartInstant(0) : StartInstant(position - 1) + 1;

    /// <summary>
    /// The last position whose start instant is at or before <paramref name="instant"/>: the latest a task may start
    /// on this calendar if it must have started by then.
    /// </summary>
    public long LastStartAtOrBefore(long instant) => PositionAt(instant + 1) - 1;

    /// <summary>The date a task starting at <paramref name="position"/> starts: the start of the next working minute (Monday 08:00).</summary>
    public DateTime ToStartDate(long position) => DateOf(StartInstant(position));

    /// <summary>The date a task finishing at <paramref name="position"/> finishes: the end of the previous working minute (Friday 17:00).</summary>
    public DateTime ToFinishDate(long position) => DateOf(FinishInstant(position));

    /// <summary>Whether the minute starting at <paramref name="dateTime"/> is working time.</summary>
    public bool IsWorking(DateTime dateTime)
    {
        var instant = InstantOf(dateTime);
        return PositionAt(instant + 1) > PositionAt(instant);
    }

    /// <summary>The earliest start date at or after <paramref name="dateTime"/> (Saturday 10:00 becomes Monday 08:00).</summary>
    public DateTime NextStart(DateTime dateTime) => ToStartDate(PositionOf(dateTime));

    /// <summary>The latest finish date at or before <paramref name="dateTime"/> (Saturday 10:00 becomes Friday 17:00).</summary>
    public DateTime PreviousFinish(DateTime dateTime) => ToFinishDate(PositionOf(dateTime));

    /// <summary>
    /// The finish date of <paramref name="minutes"/> of work started at <paramref name="start"/>: Monday 08:00 plus
    /// 8h is Monday 17:00, and Friday 09:00 plus 8h is Monday 09:00. Negative minutes count backwards and give a start date.
    /// </summary>
    public DateTime AddWorkingMinutes(DateTime start, long minutes)
    {
        var position = checked(PositionOf(start) + minutes);
        return minutes >= 0 ? ToFinishDate(position) : ToStartDate(position);
    }

    /// <summary>
    /// The start date that lies <paramref name="minutes"/> of work before <paramref name="finish"/>: Monday 17:00 minus
    /// 8h is Monday 08:00, and Monday 09:00 minus 2h is Friday 16:00.
    /// </summary>
    public DateTime SubtractWorkingMinutes(DateTime finish, long minutes) => ToStartDate(checked(PositionOf(finish) - minutes));

    /// <summary>Working minutes from <paramref name="from"/> to <paramref name="to"/>; negative when <paramref name="to"/> is earlier.</summary>
    public long WorkingMinutesBetween(DateTime from, DateTime to) => PositionOf(to) - PositionOf(from);

    private (long Before, ushort Pattern) DayStart(long day)
    {
        if (day < tabulatedDays)
        {
            return (cumulative[day], dayPattern[day]);
        }

        var offset = day - tabulatedDays;
        var weeks = offset / 7;
        var k = (int)(offset % 7);
        return (cumulative[tabulatedDays] + (weeks * tailCumulative[7]) + tailCumulative[k], tailPattern[k]);
    }

    /// <summary>One distinct day's working time as two tables: minutes worked before each minute of the day, and the minute of the day of the n-th working minute.</summary>
    private sealed class DayPattern
    {
        private DayPattern(string key, ushort[] before, ushort[] nth)
        {
            Key = key;
            Before = before;
            Nth = nth;
        }

        public string Key { get; }

        /// <summary>Before[m] = working minutes in [00:00, m); length 1441.</summary>
        public ushort[] Before { get; }

        /// <summary>Nth[k] = minute of the day at which the k-th (0-based) working minute starts.</summary>
        public ushort[] Nth { get; }

        public int Minutes => Nth.Length;

        /// <summary>A day working exactly at the minutes marked in <paramref name="working"/> (1,440 entries).</summary>
        public static DayPattern FromMask(bool[] working)
        {
            var before = new ushort[MinutesPerDay + 1];
            var nth = new List<ushort>();
            var key = new System.Text.StringBuilder();
            for (var m = 0; m < MinutesPerDay; m++)
            {
                before[m + 1] = (ushort)(before[m] + (working[m] ? 1 : 0));
                if (working[m])
                {
                    nth.Add((ushort)m);
                }

                if (working[m] != (m > 0 && working[m - 1]))
                {
                    key.Append(m).Append(working[m] ? '-' : ',');
                }
            }

            return new DayPattern("mask:" + key, before, [.. nth]);
        }

        public static DayPattern From(IReadOnlyList<WorkingTimeRange> ranges)
        {
            var working = new bool[MinutesPerDay];
            foreach (var range in ranges)
            {
                Array.Fill(working, true, range.StartMinute, range.Minutes);
            }

            var before = new ushort[MinutesPerDay + 1];
            var nth = new List<ushort>();
            for (var m = 0; m < MinutesPerDay; m++)
            {
                before[m + 1] = (ushort)(before[m] + (working[m] ? 1 : 0));
                if (working[m])
                {
                    nth.Add((ushort)m);
                }
            }

            var key = string.Join(',', ranges.OrderBy(r => r.StartMinute).Select(r => r.ToString()));
            return new DayPattern(key, before, [.. nth]);
        }
    }
}
