using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Inlet.Accounts;
using Inlet.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice;

/// <summary>
/// A Backoffice session holds while its user does: every request checks that the user still exists with the password they
/// signed in with (a stamp of its hash in the cookie), so removing a user or resetting their password ends their sessions
/// at once, on every node.
/// </summary>
internal static class BackofficeSessions
{
    public const string StampClaim = "inlet:password-stamp";

    public static Claim Stamp(User user) => new(StampClaim, StampOf(user.PasswordHash));

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(StampClaim);
        var db = context.HttpContext.RequestServices.GetRequiredService<InletDb>();
        var hash = id is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.PasswordHash).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        if (hash is null || stamp != StampOf(hash))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(BackofficeSetup.Scheme);
        }
    }

    private static string StampOf(string passwordHash) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)))[..16];
}
