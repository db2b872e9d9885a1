namespace Throughline.Storage.Rows;

/// <summary>
/// One failed sign-in, counted against a <see cref="Key"/> (<c>user:NAME</c> or <c>address:IP</c>). In the database
/// so that every instance of a deployment counts the same attempts; rows older than the window are deleted.
/// </summary>
public sealed class LoginFailureRow
{
    public long Id { get; set; }

    public string Key { get; set; } = "";

    public DateTime At { get; set; }
}
