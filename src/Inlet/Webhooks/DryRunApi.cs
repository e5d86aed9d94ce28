using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Webhooks;

/// <summary>Dry runs (spec §7): a stored webhook or an unsaved definition against a request, with nothing stored.</summary>
internal static class DryRunApi
{
    public static RouteGroupBuilder MapDryRuns(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/dry-run", DefinitionAsync).WithName("DryRunDefinition")
            .WithSummary("Run an unsaved {definition, request: {headers, body}} through the pipeline without storing anything");
        webhooks.MapPost("/{id}/dry-run", StoredAsync).WithName("DryRunWebhook")
            .WithSummary("Run {headers, body}, or a logged request {logId}, through the webhook's current version without storing anything");
        return webhooks;
    }

    internal sealed record TestRequest(Dictionary<string, string>? Headers, JsonElement Body, string? LogId);

    internal sealed record DefinitionTest(JsonElement Definition, TestRequest? Request);

    private static async Task<Results<Ok<DryRunResult>, ProblemHttpResult>> DefinitionAsync(
        DefinitionTest test, ClaimsPrincipal user, DryRun dryRun)
    {
        var definition = DefinitionReader.Read(test.Definition, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        var request = test.Request ?? new TestRequest(null, default, null);
        return TypedResults.Ok(await dryRun.RunAsync(user.AccountId(), definition, request.Headers ?? [], Text(request.Body)));
    }

    private static async Task<Results<Ok<DryRunResult>, ProblemHttpResult>> StoredAsync(
        string id, TestRequest request, ClaimsPrincipal user, InletDb db, DryRun dryRun, StoredDefinitions stored, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var row = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        var headers = request.Headers ?? [];
        var body = Text(request.Body);
        if (request.LogId is { } logId)
        {
            var log = await db.RequestLogs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId && l.AccountId == accountId, cancellationToken);
            if (log is null)
            {
                return Problems.NotFound($"log {logId}");
            }
            headers = JsonSerializer.Deserialize<Dictionary<string, string>>(log.HeadersJson)!;
            body = log.Body ?? "";
        }
        return TypedResults.Ok(await dryRun.RunAsync(accountId, stored.Read(row), headers, body));
    }

    private static string Text(JsonElement body) => body.ValueKind == JsonValueKind.Undefined ? "" : body.GetRawText();
}
