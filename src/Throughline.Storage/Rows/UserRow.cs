namespace Throughline.Storage.Rows;

/// <summary>A local account. <see cref="PasswordHash"/> is ASP.NET Core's <c>PasswordHasher</c> output (PBKDF2).</summary>
public sealed class UserRow
{
    public long Id { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary>Administrators manage accounts; they see only the programs they are members of, like everyone.</summary>
    public bool IsAdmin { get; set; }

    /// <summary>Set for a generated first password: until it is changed, the account can do nothing else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>When a one-time password stops working (null: the password does not expire).</summary>
    public DateTime? PasswordExpiresAt { get; set; }

    /// <summary>When an administrator disabled the account (null: enabled); a disabled account cannot sign in or use its tokens.</summary>
    public DateTime? DisabledAt { get; set; }

    public DateTime CreatedAt { get; set; }
}
