using System.Security.Claims;
using Inlet.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Access;

/// <summary>
/// The account's Backoffice users: add one (a generated password, shown once), reset a password (shown once; it also lifts a
/// login lock), remove one — but not yourself, and not the account's last user.
/// </summary>
public sealed class UsersModel : BackofficePage
{
    internal IReadOnlyList<User> Users { get; private set; } = [];

    /// <summary>A password just generated, shown on this answer only (never kept in a cookie or a redirect).</summary>
    public (string UserName, string Password)? NewPassword { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? UserName { get; set; }

    private string SignedInUserId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task OnGetAsync() => Users = await Get<BackofficeUsers>().ListAsync(AccountId, Aborted);

    public async Task<IActionResult> OnPostAddAsync()
    {
        var users = Get<BackofficeUsers>();
        var password = Passwords.Generate();
        if (BackofficeUsers.NameFault(UserName) is { } fault)
        {
            Error = $"Not added: {fault}.";
        }
        else if (await users.AddAsync(AccountId, UserName!, password, Aborted) is { } added)
        {
            NewPassword = (added.UserName, password);
            UserName = null;
        }
        else
        {
            Error = $"Not added: there is a user named {UserName!.Trim()} already (user names are unique across accounts): choose another name.";
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostResetAsync(string userId)
    {
        var accountId = AccountId;
        var user = await Get<Data.InletDb>().Users.FindAsync([userId], Aborted);
        if (user is null || user.AccountId != accountId)
        {
            return NotFound();
        }
        var password = Passwords.Generate();
        await Get<BackofficeUsers>().ResetPasswordAsync(user, password, Aborted);
        NewPassword = (user.UserName, password);
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string userId, string userName)
    {
        var refused = await Get<BackofficeUsers>().RemoveAsync(AccountId, userId, SignedInUserId, Aborted);
        if (refused is null)
        {
            Notice = $"{userName} is removed: they can no longer sign in.";
        }
        else
        {
            Error = $"Not removed: {refused}.";
        }
        return await ShowAsync();
    }

    internal bool IsSignedIn(User user) => user.Id == SignedInUserId;

    private async Task<IActionResult> ShowAsync()
    {
        // The answer may hold a secret shown once: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        Response.StatusCode = Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }
}
