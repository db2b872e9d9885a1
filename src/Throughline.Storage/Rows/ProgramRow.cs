namespace Throughline.Storage.Rows;

/// <summary>
/// A program: the <c>program</c> section of its plan (without objectives, which are rows of their own) and the
/// sections no API resource edits one by one (calendars, on-call, product metrics, technical decisions, forecast).
/// </summary>
public sealed class ProgramRow
{
    public long Id { get; set; }

    /// <summary>The program's id in its plan; unique on the server and the program's address in the API.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>The <c>program</c> section's fields as a JSON object, without <c>objectives</c>.</summary>
    public string Fields { get; set; } = "{}";

    /// <summary>The other top-level plan sections, as one JSON object keyed by section name.</summary>
    public string Sections { get; set; } = "{}";

    /// <summary>Concurrency token of the program's own fields.</summary>
    public int Version { get; set; } = 1;

    /// <summary>
    /// Incremented by every change to anything in the program. Writers increment it first, which takes the row's
    /// write lock and so serialises writes to one program across every app instance; it is also the ETag of the
    /// whole plan and the key under which its schedule is cached.
    /// </summary>
    public long Revision { get; set; } = 1;

    public DateTime CreatedAt { get; set; }
}
