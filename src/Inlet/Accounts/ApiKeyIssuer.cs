using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Accounts;

/// <summary>An account's API keys (spec §7), for the API and the command line alike. Only a hash is stored: the secret is shown once.</summary>
internal sealed class ApiKeyIssuer(InletDb db, Hosting.WriteGate gate, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>A new key and its secret; check the name with <see cref="NameFault"/> first.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string accountId, string? name, bool isAdmin, CancellationToken cancellationToken)
    {
        var secret = ApiKeySecrets.Generate();
        var key = ApiKeySecrets.Create(accountId, name!.Trim(), secret, isAdmin, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret);
    }

    public Task<List<ApiKey>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId).OrderBy(k => k.Id).ToListAsync(cancellationToken);

    /// <summary>Deletes a key, which stops working at once; the account's last key stays, so the account is never locked out.</summary>
    public async Task<Revocation> RevokeAsync(string accountId, string id, bool byAdmin, CancellationToken cancellationToken)
    {
        // The last-key check and the delete take turns with other revocations of the account, on every node.
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var held = await Hosting.NodeLocks.TakeAsync(db, Hosting.NodeLocks.Key("account-access", accountId, ""), cancellationToken);
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.AccountId == accountId, cancellationToken);
        if (key is null)
        {
            return Revocation.NotFound;
        }
        if (key.IsAdmin && !byAdmin)
        {
            return Revocation.AdminKeyRequired;
        }
        if (!await db.ApiKeys.AnyAsync(k => k.AccountId == accountId && k.Id != id, cancellationToken))
        {
            return Revocation.LastKey;
        }
        db.ApiKeys.Remove(key);
        await db.SaveChangesAsync(cancellationToken);
        return Revocation.Revoked;
    }

    /// <summary>What is wrong with a key name, or null when it is usable.</summary>
    public static string? NameFault(string? name) => string.IsNullOrWhiteSpace(name)
        ? "give the key a name that says who uses it (e.g. \"shop integration\")"
        : name.Trim().Length > MaxNameLength ? $"use at most {MaxNameLength} characters" : null;
}

internal enum Revocation { Revoked, NotFound, AdminKeyRequired, LastKey }

internal static class RevocationText
{
    /// <summary>Why a key was not revoked, as the API and the command line say it.</summary>
    public static string Explain(this Revocation revocation, string id) => revocation switch
    {
        Revocation.NotFound => $"API key {id} does not exist in this account",
        Revocation.AdminKeyRequired => "only an admin key can delete an admin key",
        Revocation.LastKey => "this is the account's last API key: create another one before deleting it",
        _ => $"API key {id} was revoked",
    };
}
