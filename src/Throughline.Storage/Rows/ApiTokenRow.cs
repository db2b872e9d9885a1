namespace Throughline.Storage.Rows;

/// <summary>
/// A personal API token for scripts. Only the SHA-256 of the token is kept: the token is shown once, when created.
/// A random 256-bit token needs no salt or slow hash; SHA-256 lets the bearer handler find it with one indexed lookup.
/// </summary>
public sealed class ApiTokenRow
{
    public long Id { get; set; }

    public long UserId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, so its owner can tell tokens apart.</summary>
    public string Prefix { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime? RevokedAt { get; set; }
}
