namespace Throughline.Domain.Health;

/// <summary>
/// A colour and the reasons that set it: the colour is the worst of its reasons' colours (<see cref="HealthColour.Unknown"/>
/// when there are none). Reasons are kept worst first, in the order found among equals.
/// </summary>
public sealed record HealthVerdict
{
    public HealthVerdict(IEnumerable<HealthReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        Reasons = [.. reasons.OrderByDescending(r => r.Colour)];
        Colour = Reasons.Count == 0 ? HealthColour.Unknown : Reasons[0].Colour;
    }

    public HealthColour Colour { get; }

    public IReadOnlyList<HealthReason> Reasons { get; }

    /// <summary>The reasons that set the colour (all of them when green: they say why it is green).</summary>
    public IReadOnlyList<HealthReason> Deciding => [.. Reasons.Where(r => r.Colour == Colour)];

    /// <summary>One verdict from several: the worst colour, with every reason.</summary>
    public static HealthVerdict Combine(IEnumerable<HealthVerdict> verdicts)
    {
        ArgumentNullException.ThrowIfNull(verdicts);
        return new HealthVerdict(verdicts.SelectMany(v => v.Reasons));
    }
}
