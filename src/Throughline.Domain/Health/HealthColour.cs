namespace Throughline.Domain.Health;

/// <summary>
/// A red/amber/green status, in increasing order of concern; the worst colour of a set wins.
/// <see cref="Unknown"/> means a rule had nothing to judge (no budget, no commitments) and never outranks a colour.
/// </summary>
public enum HealthColour
{
    Unknown,
    Green,
    Amber,
    Red,
}
