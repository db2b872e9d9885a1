namespace Throughline.Domain.Calendars;

/// <summary>
/// One stretch of working time within a day, [<see cref="Start"/>, <see cref="End"/>), in minutes from midnight.
/// <see cref="End"/> may be 1440 (midnight at the end of the day) so a 24-hour day can be written.
/// </summary>
public readonly record struct WorkingTimeRange
{
    public WorkingTimeRange(int startMinute, int endMinute)
    {
        if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute)
        {
            throw new ArgumentOutOfRangeException(nameof(startMinute), $"A working range runs forwards within one day: {startMinute}-{endMinute}.");
        }

        StartMinute = startMinute;
        EndMinute = endMinute;
    }

    public int StartMinute { get; }

    public int EndMinute { get; }

    public int Minutes => EndMinute - StartMinute;

    public static WorkingTimeRange FromHours(int startHour, int endHour) => new(startHour * 60, endHour * 60);

    public override string ToString() => $"{StartMinute / 60:00}:{StartMinute % 60:00}-{EndMinute / 60:00}:{EndMinute % 60:00}";
}
