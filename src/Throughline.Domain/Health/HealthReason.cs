namespace Throughline.Domain.Health;

/// <summary>Which of the four health rules a reason comes from.</summary>
public enum HealthArea
{
    Schedule,
    Budget,
    Risk,
    Governance,
}

/// <summary>One finding of a health rule and the colour it calls for, in words an executive can act on.</summary>
public sealed record HealthReason(HealthArea Area, HealthColour Colour, string Text);
