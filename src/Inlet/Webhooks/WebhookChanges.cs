using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Webhooks;

/// <summary>Creating, replacing and moving webhooks through their lifecycle (spec §5, §7). Every save is a new version.</summary>
internal static class WebhookChanges
{
    public static RouteGroupBuilder MapWebhookChanges(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Create a webhook from a full definition, or from {\"blueprint\": \"<id>\", ...overrides}; it starts inactive");
        webhooks.MapPut("/{id}", ReplaceAsync).WithName("ReplaceWebhook")
            .WithSummary("Replace the definition (a new version); If-Match: <version> guards against lost updates");
        webhooks.MapPost("/{id}/activate", (string id, ClaimsPrincipal user, HttpRequest request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Active, user, request, db, registry, clock, ct)).WithName("ActivateWebhook").WithSummary("Set active");
        webhooks.MapPost("/{id}/deactivate", (string id, ClaimsPrincipal user, HttpRequest request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Inactive, user, request, db, registry, clock, ct)).WithName("DeactivateWebhook").WithSummary("Set inactive");
        webhooks.MapPost("/{id}/archive", (string id, ClaimsPrincipal user, HttpRequest request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Archived, user, request, db, registry, clock, ct)).WithName("ArchiveWebhook")
            .WithSummary("Archive an inactive webhook: irreversible, read-only, frees its endpoint");
        return webhooks;
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(
        JsonElement body, ClaimsPrincipal user, HttpRequest request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var definition = DefinitionReader.Read(body, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        if (await CheckAsync(db, registry, accountId, null, definition, cancellationToken) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        var row = new WebhookRow
        {
            Id = Ids.New("wh"), AccountId = accountId, Name = definition.Name, Method = definition.Method, Endpoint = definition.Endpoint,
            Status = WebhookStatus.Inactive, Version = 1, DefinitionJson = JsonSerializer.Serialize(definition, EngineJson.Options),
            CreatedAt = now, UpdatedAt = now,
        };
        db.Webhooks.Add(row);
        db.WebhookVersions.Add(new WebhookVersionRow { WebhookId = row.Id, Version = 1, DefinitionJson = row.DefinitionJson, CreatedAt = now });
        if (await SaveAsync(db, definition, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await registry.ReloadAsync(accountId, cancellationToken);
        return TypedResults.Created($"/api/v1/webhooks/{row.Id}", WebhooksApi.View(row, request));
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> ReplaceAsync(
        string id, JsonElement body, ClaimsPrincipal user, HttpContext http, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var row = await WebhooksApi.FindAsync(db, accountId, id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        if (row.Status == WebhookStatus.Archived)
        {
            return Problems.Status(409, "webhook_archived", "an archived webhook is read-only: create a new one instead");
        }
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/');
        if (ifMatch.Length > 0 && ifMatch != "*" && ifMatch != row.Version.ToString(CultureInfo.InvariantCulture))
        {
            return Problems.Status(412, "version_mismatch", $"the webhook is at version {row.Version}, not {ifMatch}: read it again and reapply your change");
        }
        var definition = DefinitionReader.Read(body, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        definition = definition with { Verification = Secrets.Unmask(definition.Verification, WebhooksApi.Definition(row.DefinitionJson).Verification) };
        if (await CheckAsync(db, registry, accountId, id, definition, cancellationToken) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow();
        row.Name = definition.Name;
        row.Method = definition.Method;
        row.Endpoint = definition.Endpoint;
        row.DefinitionJson = JsonSerializer.Serialize(definition, EngineJson.Options);
        row.Version++;
        row.UpdatedAt = now;
        db.WebhookVersions.Add(new WebhookVersionRow { WebhookId = row.Id, Version = row.Version, DefinitionJson = row.DefinitionJson, CreatedAt = now });
        if (await SaveAsync(db, definition, cancellationToken) is { } conflict)
        {
            return conflict;
        }
        await registry.ReloadAsync(accountId, cancellationToken);
        http.Response.Headers.ETag = $"\"{row.Version}\"";
        return TypedResults.Ok(WebhooksApi.View(row, http.Request));
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> TransitionAsync(
        string id, string target, ClaimsPrincipal user, HttpRequest request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var row = await WebhooksApi.FindAsync(db, accountId, id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        var allowed = (row.Status, target) is (WebhookStatus.Inactive, WebhookStatus.Active) or (WebhookStatus.Active, WebhookStatus.Inactive)
            or (WebhookStatus.Inactive, WebhookStatus.Archived);
        if (!allowed)
        {
            return Problems.Status(409, "illegal_transition", (row.Status, target) switch
            {
                (WebhookStatus.Active, WebhookStatus.Archived) => "only an inactive webhook can be archived: set it inactive first",
                (WebhookStatus.Archived, _) => "an archived webhook cannot change anymore",
                _ => $"the webhook is already {row.Status}",
            });
        }
        row.Status = target;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await registry.ReloadAsync(accountId, cancellationToken);
        return TypedResults.Ok(WebhooksApi.View(row, request));
    }

    /// <summary>Every fault of the definition against the account's catalog, and whether its endpoint is free.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(InletDb db, WebhookRegistry registry, string accountId, string? id,
        WebhookDefinition definition, CancellationToken cancellationToken)
    {
        var errors = WebhookValidator.Validate(definition, registry.Catalog(accountId));
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }
        var taken = await db.Webhooks.AnyAsync(w => w.AccountId == accountId && w.Id != id && w.Status != WebhookStatus.Archived
            && w.Method == definition.Method && w.Endpoint == definition.Endpoint, cancellationToken);
        return taken ? EndpointTaken(definition) : null;
    }

    private static async Task<ProblemHttpResult?> SaveAsync(InletDb db, WebhookDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException)
        {
            // Two saves raced for the same endpoint: the unique index let one through.
            return EndpointTaken(definition);
        }
    }

    private static ProblemHttpResult EndpointTaken(WebhookDefinition definition) =>
        Problems.Status(409, "endpoint_taken", $"another webhook already answers {definition.Method} {definition.Endpoint}: choose another endpoint, or archive that webhook");
}
