using Microsoft.AspNetCore.Antiforgery;
using Throughline.Web.Auth;

namespace Throughline.Web.Api;

/// <summary>
/// Checks every API call made by a signed-in user: a write made with the session cookie must carry the anti-forgery
/// token (a bearer token is not sent by browsers on their own, so it needs none), and an account still on its
/// one-time password may only change it.
/// </summary>
public sealed class CallerFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        if (Caller.From(http.User) is not { } caller)
        {
            return await next(context);
        }

        var unsafeMethod = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
        if (unsafeMethod && http.User.Identity?.AuthenticationType == AccountApi.CookieAuthenticationType)
        {
            try
            {
                await antiforgery.ValidateRequestAsync(http);
            }
            catch (AntiforgeryValidationException)
            {
                return TypedResults.Problem(
                    title: "Missing or invalid anti-forgery token",
                    detail: $"a write with the session cookie needs the {AuthSetup.AntiforgeryHeader} header from GET /api/account/antiforgery",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        if (caller.MustChangePassword && http.GetEndpoint()?.Metadata.GetMetadata<AllowedWithOneTimePassword>() is null)
        {
            return TypedResults.Problem(
                title: "Change your password first",
                detail: "this account still has its one-time password: PUT /api/account/password",
                statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}

/// <summary>Marks the endpoints an account on its one-time password may call.</summary>
public sealed class AllowedWithOneTimePassword;
