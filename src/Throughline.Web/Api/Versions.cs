using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Throughline.Web.Api;

/// <summary>ETags are an entity's version in quotes (<c>"3"</c>); writes must send it back in <c>If-Match</c>.</summary>
public static class Versions
{
    public static string Tag(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void SetETag(HttpContext context, long version)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers.ETag = Tag(version);
    }

    /// <summary>The version in <c>If-Match</c>, or the problem: 428 when it is missing, 400 when it is not one of our tags.</summary>
    public static long? IfMatch(HttpRequest request, out ProblemHttpResult? problem)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfMatch.ToString().Trim();
        problem = null;
        if (header.Length == 0)
        {
            problem = Problems.PreconditionRequired();
            return null;
        }

        var text = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        if (text.Length > 2 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return version;
        }

        problem = Problems.BadRequest($"If-Match must be one ETag this API gave, such as \"3\"; '{header}' is not");
        return null;
    }
}
