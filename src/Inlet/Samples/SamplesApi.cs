using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Samples;

/// <summary>
/// A webhook's saved samples (spec §7): requests kept with what the webhook decided for them, run again at every save so
/// a change that breaks a case that worked is known before it is served (see <see cref="WebhookEditor"/>).
/// </summary>
internal static class SamplesApi
{
    public static RouteGroupBuilder MapSamples(this RouteGroupBuilder webhooks)
    {
        webhooks.MapGet("/{id}/samples", ListAsync).WithName("ListSamples").WithSummary("List the webhook's samples with their expected outcome and event");
        webhooks.MapPost("/{id}/samples", CreateAsync).WithName("CreateSample")
            .WithSummary("Save a sample, {name, logId} from a logged request or {name, headers, body}; its expectation is what the current version decides");
        webhooks.MapDelete("/{id}/samples/{sampleId}", DeleteAsync).WithName("DeleteSample").WithSummary("Delete a sample");
        return webhooks;
    }

    internal sealed record NewSample(string? Name, string? LogId, Dictionary<string, string>? Headers, JsonElement Body);

    internal sealed record SampleView(string Id, string Name, Dictionary<string, string> Headers, string Body, SampleResult Expected, DateTimeOffset CreatedAt)
    {
        public static SampleView Of(SampleRow row) => new(row.Id, row.Name, row.Headers, row.Body, row.Expected, row.CreatedAt);
    }

    private static async Task<Results<Ok<List<SampleView>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        if (await WebhooksApi.FindAsync(db, user.AccountId(), id, cancellationToken) is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        var rows = await db.WebhookSamples.AsNoTracking().Where(s => s.WebhookId == id).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(SampleView.Of).ToList());
    }

    private static async Task<Results<Created<SampleView>, ProblemHttpResult>> CreateAsync(
        string id, NewSample sample, ClaimsPrincipal user, SampleBook book, CancellationToken cancellationToken)
    {
        var body = sample.Body.ValueKind == JsonValueKind.Undefined ? null : sample.Body.GetRawText();
        var created = await book.SaveAsync(user.AccountId(), id, sample.Name, sample.LogId, sample.Headers, body, cancellationToken);
        return created.Row is { } row
            ? TypedResults.Created($"/api/v1/webhooks/{id}/samples/{row.Id}", SampleView.Of(row))
            : Problems.Status(created.Status, created.Code!, created.Message!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string id, string sampleId, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var deleted = await WebhooksApi.FindAsync(db, user.AccountId(), id, cancellationToken) is null
            ? 0
            : await db.WebhookSamples.Where(s => s.WebhookId == id && s.Id == sampleId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound($"sample {sampleId} of webhook {id}") : TypedResults.NoContent();
    }

    /// <summary>The samples a save would change, as the 409 <c>samples_changed</c> lists them.</summary>
    public static ProblemHttpResult Changed(IReadOnlyList<SampleChange> changes) => TypedResults.Problem(
        detail: $"{changes.Count} sample{(changes.Count == 1 ? "" : "s")} would give another result with this version ({string.Join(", ", changes.Select(c => $"'{c.Name}': {c.Before.Outcome} → {c.After.Outcome}"))}): "
            + "check the differences, then save again with acceptSampleChanges=true to keep this version and update the samples",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?> { ["code"] = "samples_changed", ["samples"] = changes });
}
