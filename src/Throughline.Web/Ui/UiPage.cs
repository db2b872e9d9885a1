using Microsoft.AspNetCore.Components;
using Throughline.Web.Auth;
using Plan = Throughline.Domain.Program;

namespace Throughline.Web.Ui;

/// <summary>
/// A page for signed-in users: without a session it sends the browser to the sign-in page (and back afterwards);
/// an account still on its one-time password is sent to choose a new one first, as the API demands.
/// </summary>
public abstract class UiPage : ComponentBase
{
    [CascadingParameter]
    public HttpContext? Http { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    [Inject]
    public required ProgramViews Views { get; set; }

    /// <summary>The signed-in user; null only while the redirect to sign in is under way.</summary>
    protected Caller? Me { get; private set; }

    /// <summary>Pages that a one-time password may see (the password page itself).</summary>
    protected virtual bool AllowedWithOneTimePassword => false;

    protected CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;

    protected sealed override async Task OnInitializedAsync()
    {
        Me = Http is null ? null : Caller.From(Http.User);
        if (Me is null)
        {
            Navigation.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString(Navigation.ToBaseRelativePath(Navigation.Uri) is { Length: > 0 } path ? "/" + path : "/"));
            return;
        }

        if (Me.MustChangePassword && !AllowedWithOneTimePassword)
        {
            Navigation.NavigateTo("/account/password");
            return;
        }

        await OnSignedInAsync();
    }

    protected abstract Task OnSignedInAsync();

    /// <summary>Answers 404 (the program, or what was asked for, does not exist for this user).</summary>
    protected void NotFound()
    {
        if (Http is { Response.HasStarted: false })
        {
            Http.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}

/// <summary>A page of one program (<c>/programs/{Key}/...</c>): loads the <see cref="ProgramView"/> or answers 404.</summary>
public abstract class ProgramPage : UiPage
{
    [Parameter]
    public string Key { get; set; } = "";

    protected ProgramView? View { get; private set; }

    /// <summary>Whether the program was looked up and is not there for this user.</summary>
    protected bool Missing { get; private set; }

    protected sealed override async Task OnSignedInAsync()
    {
        View = await Views.LoadAsync(Http!, Key, Aborted);
        if (View is null)
        {
            Missing = true;
            NotFound();
            return;
        }

        if (View.Program is null)
        {
            return;
        }

        await OnProgramAsync(View);
    }

    /// <summary>Computes what the page shows; called only when the plan reads without errors.</summary>
    protected abstract Task OnProgramAsync(ProgramView view);

    /// <summary>The name of a person, team, project or item, never its raw id when a name exists.</summary>
    protected string PersonName(Domain.PersonId? id) => id is { } p ? View?.Program?.People.FirstOrDefault(x => x.Id == p)?.Name ?? p.Value : "nobody";

    protected string TeamName(Domain.TeamId? id) => id is { } t ? View?.Program?.Teams.FirstOrDefault(x => x.Id == t)?.Name ?? t.Value : "—";

    protected string ProjectName(Domain.ProjectId id) => View?.Program?.Projects.FirstOrDefault(x => x.Id == id)?.Name ?? id.Value;

    protected string ItemName(Domain.WorkItemId id) => View?.Program?.WorkItems.FirstOrDefault(x => x.Id == id)?.Name ?? id.Value;

    protected string ItemHref(Domain.WorkItemId id) => $"/programs/{Key}/edit/work-items/{Uri.EscapeDataString(id.Value)}";
}
