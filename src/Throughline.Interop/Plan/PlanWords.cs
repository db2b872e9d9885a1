using Throughline.Domain;
using Throughline.Domain.Governance;

namespace Throughline.Interop.Plan;

/// <summary>The words the plan format uses for enum values, both ways.</summary>
internal static class PlanWords
{
    public static readonly IReadOnlyDictionary<string, FunctionalRole> Roles = new Dictionary<string, FunctionalRole>
    {
        ["product-manager"] = FunctionalRole.ProductManager,
        ["engineering-manager"] = FunctionalRole.EngineeringManager,
        ["tpm"] = FunctionalRole.ProgramManager,
        ["program-manager"] = FunctionalRole.ProgramManager,
        ["engineer"] = FunctionalRole.Engineer,
        ["designer"] = FunctionalRole.Designer,
        ["executive"] = FunctionalRole.Executive,
        ["other"] = FunctionalRole.Other,
    };

    public static readonly IReadOnlyDictionary<string, WorkItemStatus> Statuses = new Dictionary<string, WorkItemStatus>
    {
        ["not-started"] = WorkItemStatus.NotStarted,
        ["in-progress"] = WorkItemStatus.InProgress,
        ["blocked"] = WorkItemStatus.Blocked,
        ["done"] = WorkItemStatus.Done,
        ["cancelled"] = WorkItemStatus.Cancelled,
    };

    public static readonly IReadOnlyDictionary<string, RiskStatus> RiskStatuses = new Dictionary<string, RiskStatus>
    {
        ["open"] = RiskStatus.Open,
        ["mitigating"] = RiskStatus.Mitigating,
        ["occurred"] = RiskStatus.Occurred,
        ["closed"] = RiskStatus.Closed,
    };

    public static readonly IReadOnlyDictionary<string, RiskResponse> Responses = new Dictionary<string, RiskResponse>
    {
        ["avoid"] = RiskResponse.Avoid,
        ["mitigate"] = RiskResponse.Mitigate,
        ["transfer"] = RiskResponse.Transfer,
        ["accept"] = RiskResponse.Accept,
    };

    public static readonly IReadOnlyDictionary<string, DecisionStatus> DecisionStatuses = new Dictionary<string, DecisionStatus>
    {
        ["open"] = DecisionStatus.Open,
        ["decided"] = DecisionStatus.Decided,
        ["deferred"] = DecisionStatus.Deferred,
        ["cancelled"] = DecisionStatus.Cancelled,
    };

    public static readonly IReadOnlyDictionary<string, DurationDistribution> Distributions = new Dictionary<string, DurationDistribution>
    {
        ["triangular"] = DurationDistribution.Triangular,
        ["pert"] = DurationDistribution.BetaPert,
        ["lognormal"] = DurationDistribution.LogNormal,
    };

    public static readonly IReadOnlyDictionary<string, Cadence> Cadences = new Dictionary<string, Cadence>
    {
        ["weekly"] = Cadence.Weekly,
        ["biweekly"] = Cadence.Biweekly,
        ["monthly"] = Cadence.Monthly,
        ["quarterly"] = Cadence.Quarterly,
    };

    public static readonly IReadOnlyDictionary<string, DayOfWeek> Days = new Dictionary<string, DayOfWeek>
    {
        ["sun"] = DayOfWeek.Sunday,
        ["mon"] = DayOfWeek.Monday,
        ["tue"] = DayOfWeek.Tuesday,
        ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday,
        ["sat"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday,
        ["monday"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday,
    };

    public static readonly IReadOnlyDictionary<string, ConstraintType> Constraints = new Dictionary<string, ConstraintType>
    {
        ["asap"] = ConstraintType.AsSoonAsPossible,
        ["alap"] = ConstraintType.AsLateAsPossible,
        ["snet"] = ConstraintType.StartNoEarlierThan,
        ["snlt"] = ConstraintType.StartNoLaterThan,
        ["fnet"] = ConstraintType.FinishNoEarlierThan,
        ["fnlt"] = ConstraintType.FinishNoLaterThan,
        ["mso"] = ConstraintType.MustStartOn,
        ["mfo"] = ConstraintType.MustFinishOn,
    };

    public static readonly IReadOnlyDictionary<string, DependencyType> DependencyTypes = new Dictionary<string, DependencyType>
    {
        ["fs"] = DependencyType.FinishToStart,
        ["ss"] = DependencyType.StartToStart,
        ["ff"] = DependencyType.FinishToFinish,
        ["sf"] = DependencyType.StartToFinish,
    };

    public static string Word<TEnum>(IReadOnlyDictionary<string, TEnum> words, TEnum value)
        where TEnum : struct, Enum =>
        words.First(pair => EqualityComparer<TEnum>.Default.Equals(pair.Value, value)).Key;

    public static bool FinishesOn(ConstraintType type) =>
        type is ConstraintType.FinishNoEarlierThan or ConstraintType.FinishNoLaterThan or ConstraintType.MustFinishOn;
}
