namespace Throughline.Scheduling;

/// <summary>
/// Scratch arrays for <see cref="CriticalPath.ForwardPass"/>, made once per network and reused across Monte Carlo
/// runs so that a run allocates nothing. Not thread-safe: one per thread.
/// </summary>
public sealed class ForwardBuffers
{
    public ForwardBuffers(ScheduleNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        EarlyStart = new long[network.NodeCount];
        EarlyFinish = new long[network.NodeCount];
        Driver = new int[network.NodeCount];
        Why = new StartDriver[network.NodeCount];
        LatestByCalendar = new long[network.Calendars.Count];
    }

    public ScheduleNetwork Network { get; }

    internal int Length => EarlyStart.Length;

    internal long[] EarlyStart { get; }

    internal long[] EarlyFinish { get; }

    internal int[] Driver { get; }

    internal StartDriver[] Why { get; }

    /// <summary>Scratch for the project finish: the latest early finish on each calendar.</summary>
    internal long[] LatestByCalendar { get; }

    /// <summary>The early finish (a position on the task's calendar) of the last <see cref="CriticalPath.ForwardPass"/>.</summary>
    public long EarlyFinishOf(int task) => EarlyFinish[Network.NodeOfTask[task]];

    /// <summary>The early finish date of the last <see cref="CriticalPath.ForwardPass"/>, as <see cref="ScheduleResult.EarlyFinishDate"/> shows it.</summary>
    public DateTime EarlyFinishDateOf(int task) =>
        Network.Calendars[0].DateOf(ScheduleResult.EarlyFinishInstant(Network, EarlyStart, EarlyFinish, Driver, Why, task));
}
