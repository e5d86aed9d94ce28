using Inlet.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>The name of one of the account's webhooks; null for an unknown one, or another account's.</summary>
    protected Task<string?> WebhookNameAsync(string webhookId)
    {
        var accountId = AccountId;
        return Get<Data.InletDb>().Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && w.Id == webhookId).Select(w => w.Name).FirstOrDefaultAsync(Aborted);
    }
}
