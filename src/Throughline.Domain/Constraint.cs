namespace Throughline.Domain;

/// <summary>The date constraints Microsoft Project and Primavera share.</summary>
public enum ConstraintType
{
    /// <summary>As soon as possible (no date).</summary>
    AsSoonAsPossible,

    /// <summary>As late as possible without delaying successors (no date).</summary>
    AsLateAsPossible,

    StartNoEarlierThan,
    StartNoLaterThan,
    FinishNoEarlierThan,
    FinishNoLaterThan,
    MustStartOn,
    MustFinishOn,
}

/// <summary>A scheduling constraint; <see cref="Date"/> is null exactly for ASAP and ALAP.</summary>
public sealed record Constraint
{
    public static readonly Constraint AsSoonAsPossible = new(ConstraintType.AsSoonAsPossible, null);

    public Constraint(ConstraintType type, DateTime? date)
    {
        var needsDate = type is not (ConstraintType.AsSoonAsPossible or ConstraintType.AsLateAsPossible);
        if (needsDate != date.HasValue)
        {
            throw new ArgumentException(needsDate ? $"{type} needs a date." : $"{type} takes no date.", nameof(date));
        }

        Type = type;
        Date = date;
    }

    public ConstraintType Type { get; }

    public DateTime? Date { get; }
}
