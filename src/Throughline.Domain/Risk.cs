namespace Throughline.Domain;

public enum RiskStatus
{
    Open,
    Mitigating,
    Occurred,
    Closed,
}

/// <summary>The classic four responses to a risk.</summary>
public enum RiskResponse
{
    Avoid,
    Mitigate,
    Transfer,
    Accept,
}

/// <summary>
/// A risk in the register: something that may happen and would cost time (<see cref="ScheduleImpact"/>, working time
/// added to the linked items) or money. Exposure is probability times impact.
/// </summary>
public sealed record Risk(RiskId Id, string Title, Probability Probability)
{
    public string? Description { get; init; }

    public WorkDuration ScheduleImpact { get; init; }

    public Money? CostImpact { get; init; }

    public PersonId? Owner { get; init; }

    public RiskStatus Status { get; init; } = RiskStatus.Open;

    public RiskResponse Response { get; init; } = RiskResponse.Mitigate;

    public string? Mitigation { get; init; }

    public DateOnly? MitigationDue { get; init; }

    /// <summary>The observable sign that the risk is happening.</summary>
    public string? Trigger { get; init; }

    public IReadOnlyList<WorkItemId> LinkedItems { get; init; } = [];

    public DateOnly? Raised { get; init; }

    /// <summary>Expected schedule cost: probability times schedule impact.</summary>
    public WorkDuration ScheduleExposure => ScheduleImpact * Probability.Value;
}
