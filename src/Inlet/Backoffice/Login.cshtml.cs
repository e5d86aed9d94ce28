using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice;

/// <summary>
/// Signs a Backoffice user in with their password (PBKDF2-hashed by ASP.NET Identity's hasher); wrong passwords are
/// throttled per user (<see cref="LoginThrottling"/>).
/// </summary>
public sealed class LoginModel : BackofficePage
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var db = Get<InletDb>();
        var throttling = Get<LoginThrottling>();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == UserName, cancellationToken);
        if (user is not null && await throttling.ClaimAsync(user, cancellationToken) is { } wait)
        {
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Error = $"Too many wrong passwords for this user: try again in {Math.Ceiling(wait.TotalMinutes):0} minute{(wait.TotalMinutes > 1 ? "s" : "")}.";
            return Page();
        }
        if (user is null || !Passwords.Verify(user, Password ?? ""))
        {
            if (user is not null)
            {
                await throttling.FailedAsync(user, cancellationToken);
            }
            Error = "The user name or the password is not right.";
            return Page();
        }
        await throttling.SucceededAsync(user, cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName), new Claim(ApiKeyAuthentication.AccountClaim, user.AccountId),
                BackofficeSessions.Stamp(user)],
            BackofficeSetup.Scheme);
        await HttpContext.SignInAsync(BackofficeSetup.Scheme, new ClaimsPrincipal(identity));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/backoffice");
    }
}
