using System.Security.Claims;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Accounts;

/// <summary>The account's API keys (spec §7) over the REST API; the rules are in <see cref="ApiKeyIssuer"/>.</summary>
internal static class ApiKeysApi
{
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

    private static async Task<Ok<List<ApiKeyView>>> ListAsync(ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        var keys = await issuer.ListAsync(user.AccountId(), cancellationToken);
        return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.Name, k.Prefix, k.IsAdmin, k.CreatedAt)).ToList());
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        NewApiKey request, ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken)
    {
        if (ApiKeyIssuer.NameFault(request.Name) is { } fault)
        {
            return Problems.Invalid([new("name", fault)]);
        }
        var (key, secret) = await issuer.CreateAsync(user.AccountId(), request.Name, isAdmin: false, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", CreatedApiKey.From(key, secret));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, ClaimsPrincipal user, ApiKeyIssuer issuer, CancellationToken cancellationToken) =>
        await issuer.RevokeAsync(user.AccountId(), id, user.IsAdmin(), cancellationToken) switch
        {
            Revocation.Revoked => TypedResults.NoContent(),
            Revocation.NotFound => Problems.NotFound($"API key {id}"),
            Revocation.AdminKeyRequired => Problems.Status(403, "admin_key_required", Revocation.AdminKeyRequired.Explain(id)),
            var refused => Problems.Status(409, "last_api_key", refused.Explain(id)),
        };
}
