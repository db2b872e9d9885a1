namespace Throughline.Storage.Rows;

/// <summary>
/// A signed-in browser session. The session cookie carries a random session id; only its SHA-256 is kept here, and
/// the cookie is accepted only while this row exists, so signing out, a password change or disabling the account ends
/// the session on every instance at its next request.
/// </summary>
public sealed class SessionRow
{
    public long Id { get; set; }

    public long UserId { get; set; }

    /// <summary>Lower-case hex SHA-256 of the session id in the cookie.</summary>
    public string Hash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
