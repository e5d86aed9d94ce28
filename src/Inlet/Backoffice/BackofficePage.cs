using Inlet.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inlet.Backoffice;

/// <summary>
/// Base of the Backoffice pages. Razor compiles pages as public classes, so their models cannot take Inlet's internal
/// services in public constructors; they ask for them here instead.
/// </summary>
public abstract class BackofficePage : PageModel
{
    /// <summary>The signed-in user's account: every query of a page is scoped to it.</summary>
    protected string AccountId => User.AccountId();

    protected T Get<T>() where T : notnull => HttpContext.RequestServices.GetRequiredService<T>();

    protected CancellationToken Aborted => HttpContext.RequestAborted;
}
