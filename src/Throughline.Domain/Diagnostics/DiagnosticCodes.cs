namespace Throughline.Domain.Diagnostics;

/// <summary>
/// Every diagnostic code Throughline reports. Codes are stable: never reuse or renumber one; add new ones at the end
/// of their group and document them in docs/diagnostics.md. TL1xxx are about the file as written (TL14xx: Microsoft Project XML, TL15xx: PSPLIB), TL2xxx about
/// the program's consistency, TL3xxx about scheduling.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>The file is not UTF-8 text (a UTF-8 byte order mark is fine).</summary>
    public const string Encoding = "TL1000";

    /// <summary>The file is not well-formed YAML (or XML).</summary>
    public const string Syntax = "TL1001";

    /// <summary>A field that the format does not have (usually a misspelling).</summary>
    public const string UnknownField = "TL1002";

    /// <summary>A required field is missing.</summary>
    public const string MissingField = "TL1003";

    /// <summary>A value of the wrong shape: a list where a name was expected, an unknown enum value.</summary>
    public const string InvalidValue = "TL1004";

    /// <summary>A duration that cannot be read, or that is negative where it must not be.</summary>
    public const string InvalidDuration = "TL1005";

    /// <summary>A date that cannot be read or lies outside 1984-01-01..2149-12-31 (Microsoft Project's range).</summary>
    public const string InvalidDate = "TL1006";

    /// <summary>A duration or lag longer than the whole range of dates a plan can hold (<see cref="PlanRange"/>): no schedule could fit it.</summary>
    public const string OutOfRange = "TL1007";

    /// <summary>A date after 2100: readable, but almost always a typo for a year this century.</summary>
    public const string FarFutureDate = "TL1008";

    /// <summary>Well-formed XML that is not a Microsoft Project XML document (wrong root element or namespace).</summary>
    public const string NotMspdi = "TL1401";

    /// <summary>XML refused for safety: a DTD or entity declaration, or a document larger than the configured limit.</summary>
    public const string UnsafeXml = "TL1402";

    /// <summary>Something the model cannot hold exactly; it was approximated or dropped, and the message says which.</summary>
    public const string NotRepresentable = "TL1403";

    /// <summary>A manually scheduled task: its start was fixed by hand in Microsoft Project and is kept.</summary>
    public const string ManualTask = "TL1404";

    /// <summary>An inactive task: kept as cancelled, and out of the schedule as in Microsoft Project.</summary>
    public const string InactiveTask = "TL1405";

    /// <summary>A Primavera P6 file (XER or PMXML) that cannot be read as the format: no <c>ERMHDR</c> header, a row outside its table, more values than fields, no <c>%E</c> end (cut short), or a file over the size limit.</summary>
    public const string XerFormat = "TL1410";

    /// <summary>A PSPLIB file (an instance <c>.sm</c> file or the bounds table) that cannot be read as the format: a missing section, a value that is not a whole number, a count that does not match.</summary>
    public const string PsplibFormat = "TL1501";

    /// <summary>A well-formed PSPLIB instance that no schedule can satisfy: a job demands more than a resource's capacity, or precedences form a cycle.</summary>
    public const string PsplibUnschedulable = "TL1502";

    /// <summary>The same id is used twice for entities of one kind.</summary>
    public const string DuplicateId = "TL2001";

    /// <summary>A reference to an id that nothing defines.</summary>
    public const string UndefinedReference = "TL2002";

    /// <summary>Dependencies that form a cycle; the message names every member in order.</summary>
    public const string DependencyCycle = "TL2003";

    /// <summary>Work assigned to a team with no capacity: no members with hours and no stated capacity.</summary>
    public const string TeamWithoutCapacity = "TL2004";

    /// <summary>A dependency between a summary item and one of its own descendants.</summary>
    public const string SummaryLinkedToDescendant = "TL2005";

    /// <summary>A milestone with a non-zero estimate (milestones take no time; the estimate is ignored).</summary>
    public const string MilestoneWithDuration = "TL2006";

    /// <summary>A person allocated to projects for more than 100% of their time.</summary>
    public const string OverAllocated = "TL2007";

    /// <summary>Calendars whose bases form a cycle.</summary>
    public const string CalendarBaseCycle = "TL2008";

    /// <summary>The same dependency is written twice.</summary>
    public const string DuplicateDependency = "TL2009";

    /// <summary>A category listed in <c>earned-value.work-categories</c> that no budget line uses (usually a misspelling).</summary>
    public const string UnusedWorkCategory = "TL2010";

    /// <summary>The schedule runs past the last date a plan can hold (<see cref="PlanRange.MaxDate"/>): the durations and lags of a chain add up to more than the range.</summary>
    public const string ScheduleOutOfRange = "TL3001";

    /// <summary>The program's status date lies before its start: nothing can have happened yet.</summary>
    public const string StatusDateBeforeStart = "TL2020";

    /// <summary>An item marked done without an actual start and finish: the schedule has to guess its dates.</summary>
    public const string DoneWithoutActuals = "TL2021";

    /// <summary>A project's <c>budget:</c> disagrees with the sum of its budget lines, which are the planned total.</summary>
    public const string BudgetDisagreesWithLines = "TL2011";
}
