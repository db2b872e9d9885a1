namespace Throughline.Web.Ui;

/// <summary>
/// An on/off switch in a page's query string (<c>?critical=1</c>). Bound as text and read here, because a typed
/// <c>int?</c> query parameter made any other value (<c>?critical=true</c>, <c>?saved=x</c>) a 500 (#14).
/// </summary>
public static class QueryFlag
{
    /// <summary>On for <c>1</c> or <c>true</c> (any case); anything else, or nothing, is off.</summary>
    public static bool IsOn(string? value) =>
        value is not null && (value.Trim() == "1" || string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase));
}
