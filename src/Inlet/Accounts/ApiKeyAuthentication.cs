using System.Security.Claims;
using System.Text.Encodings.Web;
using Inlet.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Accounts;

/// <summary>
/// <c>Authorization: Bearer &lt;api key&gt;</c>: the key's account becomes the caller's account (spec §7). The store is asked
/// only when a key is sent, so webhook requests, which carry none, never open a database context here.
/// </summary>
internal sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string AccountClaim = "inlet:account";
    public const string AdminClaim = "inlet:admin";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = ApiKeySecrets.Hash(header["Bearer ".Length..].Trim());
        var db = Context.RequestServices.GetRequiredService<InletDb>();
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, Context.RequestAborted);
        if (key is null)
        {
            return AuthenticateResult.Fail("unknown API key");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, key.Id), new Claim(AccountClaim, key.AccountId), new Claim(AdminClaim, key.IsAdmin ? "true" : "false")],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

internal static class CallerExtensions
{
    /// <summary>The account every query of the caller is scoped to.</summary>
    public static string AccountId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthentication.AccountClaim) ?? throw new InvalidOperationException("the caller has no account");

    public static bool IsAdmin(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyAuthentication.AdminClaim) == "true";
}
