using Inlet.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Access;

/// <summary>
/// The account's API keys (spec §7): create one (its secret shown once), list them (never their secrets), revoke one — it
/// stops working at once; the account's last key stays, and admin keys are managed with an admin key or the command line.
/// </summary>
public sealed class ApiKeysModel : BackofficePage
{
    internal IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>A secret just made, shown on this answer only.</summary>
    public (string Name, string Secret)? NewKey { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    [BindProperty]
    public string? Name { get; set; }

    public async Task OnGetAsync() => Keys = await Get<ApiKeyIssuer>().ListAsync(AccountId, Aborted);

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (ApiKeyIssuer.NameFault(Name) is { } fault)
        {
            Error = $"Not created: {fault}.";
        }
        else
        {
            var (key, secret) = await Get<ApiKeyIssuer>().CreateAsync(AccountId, Name, isAdmin: false, Aborted);
            NewKey = (key.Name, secret);
            Name = null;
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string keyId, string keyName)
    {
        var revocation = await Get<ApiKeyIssuer>().RevokeAsync(AccountId, keyId, byAdmin: false, Aborted);
        if (revocation == Revocation.Revoked)
        {
            Notice = $"The key {keyName} is revoked: it stops working at once.";
        }
        else
        {
            Error = $"Not revoked: {revocation.Explain(keyId)}.";
        }
        return await ShowAsync();
    }

    private async Task<IActionResult> ShowAsync()
    {
        // The answer may hold a secret shown once: no cache keeps it.
        Response.Headers.CacheControl = "no-store";
        Response.StatusCode = Error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest;
        await OnGetAsync();
        return Page();
    }
}
