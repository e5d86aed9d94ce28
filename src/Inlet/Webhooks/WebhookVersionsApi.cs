using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Webhooks;

/// <summary>A webhook's saved versions (spec §7): read one, compare two field by field, restore one as a new version.</summary>
internal static class WebhookVersionsApi
{
    public static RouteGroupBuilder MapWebhookVersions(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/versions", ListAsync).WithName("ListWebhookVersions").WithSummary("List the saved versions of a webhook");
        webhooks.MapGet("/{id}/versions/{version:int}", GetAsync).WithName("GetWebhookVersion").WithSummary("Read one saved version");
        webhooks.MapGet("/{id}/diff", DiffAsync).WithName("DiffWebhookVersions")
            .WithSummary("What changed between two versions, field by field (from: default the version before to; to: default the current one)");
        webhooks.MapPost("/{id}/versions/{version:int}/restore", RestoreAsync).WithName("RestoreWebhookVersion")
            .WithSummary("Save a new version equal to this one; If-Match: <version> guards against lost updates");
        return webhooks;
    }

    internal sealed record VersionSummary(int Version, DateTimeOffset CreatedAt);

    internal sealed record VersionView(int Version, DateTimeOffset CreatedAt, WebhookDefinition Definition);

    internal sealed record DiffView(string WebhookId, int From, int To, List<FieldChange> Changes);

    private static async Task<Results<Ok<List<VersionSummary>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        if (await WebhooksApi.FindAsync(db, user.AccountId(), id, cancellationToken) is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        var versions = await db.WebhookVersions.AsNoTracking().Where(v => v.WebhookId == id).OrderByDescending(v => v.Version)
            .Select(v => new VersionSummary(v.Version, v.CreatedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(versions);
    }

    private static async Task<Results<Ok<VersionView>, ProblemHttpResult>> GetAsync(
        string id, int version, ClaimsPrincipal user, InletDb db, StoredDefinitions stored, CancellationToken cancellationToken)
    {
        var row = await FindAsync(db, user.AccountId(), id, version, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"version {version} of webhook {id}");
        }
        var definition = stored.Read(row.DefinitionJson, row.WebhookId);
        return TypedResults.Ok(new VersionView(row.Version, row.CreatedAt, definition with { Verification = Secrets.Mask(definition.Verification) }));
    }

    private static async Task<Results<Ok<DiffView>, ProblemHttpResult>> DiffAsync(
        string id, int? from, int? to, ClaimsPrincipal user, InletDb db, StoredDefinitions stored, CancellationToken cancellationToken)
    {
        var webhook = await WebhooksApi.FindAsync(db, user.AccountId(), id, cancellationToken);
        if (webhook is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        var (older, newer) = (from ?? (to ?? webhook.Version) - 1, to ?? webhook.Version);
        var before = await FindVersionAsync(db, id, older, cancellationToken);
        var after = await FindVersionAsync(db, id, newer, cancellationToken);
        if (before is null || after is null)
        {
            return Problems.Status(404, "not_found",
                $"webhook {id} has versions 1 to {webhook.Version}: there is no version {(before is null ? older : newer)} to compare");
        }
        var changes = VersionDiff.Between(stored.Read(before.DefinitionJson, id), stored.Read(after.DefinitionJson, id));
        return TypedResults.Ok(new DiffView(id, older, newer, changes));
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> RestoreAsync(
        string id, int version, bool? acceptSampleChanges, ClaimsPrincipal user, HttpContext http, WebhookEditor editor, CancellationToken cancellationToken)
    {
        if (!WebhookChanges.TryExpectedVersion(http.Request, out var expected, out var mismatch))
        {
            return mismatch;
        }
        var result = await editor.RestoreAsync(user.AccountId(), id, version, expected, cancellationToken, acceptSampleChanges ?? false);
        if (result is not EditResult.Saved saved)
        {
            return result is EditResult.NotFound ? Problems.NotFound($"version {version} of webhook {id}") : WebhookChanges.Problem(result, id);
        }
        http.Response.Headers.ETag = $"\"{saved.Row.Version}\"";
        return TypedResults.Ok(WebhooksApi.View(saved.Row, http.Request));
    }

    private static async Task<WebhookVersionRow?> FindAsync(InletDb db, string accountId, string id, int version, CancellationToken cancellationToken) =>
        await WebhooksApi.FindAsync(db, accountId, id, cancellationToken) is null ? null : await FindVersionAsync(db, id, version, cancellationToken);

    /// <summary>A version of a webhook already known to be of the caller's account.</summary>
    internal static Task<WebhookVersionRow?> FindVersionAsync(InletDb db, string id, int version, CancellationToken cancellationToken) =>
        db.WebhookVersions.AsNoTracking().FirstOrDefaultAsync(v => v.WebhookId == id && v.Version == version, cancellationToken);
}
