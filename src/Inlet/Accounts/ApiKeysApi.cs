using System.Security.Claims;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Accounts;

/// <summary>The account's API keys (spec §7). Only a hash is stored: the secret is shown once, in the answer that creates it.</summary>
internal static class ApiKeysApi
{
    public const int MaxNameLength = 100;

    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/api-keys").WithTags("API keys");
        keys.MapGet("/", ListAsync).WithName("ListApiKeys").WithSummary("List the account's API keys (never their secrets)");
        keys.MapPost("/", CreateAsync).WithName("CreateApiKey").WithSummary("Create an API key; its secret is in this answer only");
        keys.MapDelete("/{id}", DeleteAsync).WithName("DeleteApiKey")
            .WithSummary("Delete an API key: it stops working at once. Only an admin key can delete an admin key; the account's last key stays");
        return api;
    }

    internal sealed record ApiKeyView(string Id, string Name, string Prefix, bool IsAdmin, DateTimeOffset CreatedAt);

    internal sealed record NewApiKey(string? Name);

    internal sealed record CreatedApiKey(string Id, string Name, string Prefix, string Secret, DateTimeOffset CreatedAt)
    {
        public static CreatedApiKey From(ApiKey key, string secret) => new(key.Id, key.Name, key.Prefix, secret, key.CreatedAt);
    }

    private static async Task<Ok<List<ApiKeyView>>> ListAsync(ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.AccountId == accountId).OrderBy(k => k.Id)
            .Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.IsAdmin, k.CreatedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys);
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        NewApiKey request, ClaimsPrincipal user, InletDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (NameFault(request.Name) is { } fault)
        {
            return Problems.Invalid([new("name", fault)]);
        }
        var secret = ApiKeySecrets.Generate();
        var key = ApiKeySecrets.Create(user.AccountId(), request.Name!.Trim(), secret, isAdmin: false, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", CreatedApiKey.From(key, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id && k.AccountId == accountId, cancellationToken);
        if (key is null)
        {
            return Problems.NotFound($"API key {id}");
        }
        if (key.IsAdmin && !user.IsAdmin())
        {
            return Problems.Status(403, "admin_key_required", "only an admin key can delete an admin key");
        }
        if (!await db.ApiKeys.AnyAsync(k => k.AccountId == accountId && k.Id != id, cancellationToken))
        {
            return Problems.Status(409, "last_api_key", "this is the account's last API key: create another one before deleting it");
        }
        db.ApiKeys.Remove(key);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>What is wrong with a key name, or null when it is usable.</summary>
    internal static string? NameFault(string? name) => string.IsNullOrWhiteSpace(name)
        ? "give the key a name that says who uses it (e.g. \"shop integration\")"
        : name.Trim().Length > MaxNameLength ? $"use at most {MaxNameLength} characters" : null;
}
