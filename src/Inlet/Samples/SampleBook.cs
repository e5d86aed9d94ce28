using System.Text.Json;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Samples;

/// <summary>What saving a sample came to: the row, or why not (status, code, message).</summary>
internal sealed record SampleSaved(SampleRow? Row, int Status = 201, string? Code = null, string? Message = null);

/// <summary>Saves samples (from the API, a log row or the Backoffice's Test panel) with what the webhook's current version decides for them.</summary>
internal sealed class SampleBook(InletDb db, StoredDefinitions stored, SampleRunner runner, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    /// <summary>Saves a sample named <paramref name="name"/>: the logged request <paramref name="logId"/>, or <paramref name="headers"/> and <paramref name="body"/>.</summary>
    public async Task<SampleSaved> SaveAsync(string accountId, string webhookId, string? name, string? logId,
        IReadOnlyDictionary<string, string>? headers, string? body, CancellationToken cancellationToken)
    {
        var webhook = await WebhooksApi.FindAsync(db, accountId, webhookId, cancellationToken);
        if (webhook is null)
        {
            return new SampleSaved(null, 404, "not_found", $"webhook {webhookId} does not exist in this account");
        }
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            return new SampleSaved(null, 400, "invalid_sample", $"a sample needs a name of 1 to {MaxNameLength} characters");
        }
        headers ??= new Dictionary<string, string>();
        if (logId is not null)
        {
            var log = await db.RequestLogs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId && l.AccountId == accountId, cancellationToken);
            if (log is null)
            {
                return new SampleSaved(null, 404, "not_found", $"log {logId} does not exist in this account");
            }
            if (log.Body is null || log.BodyTruncated)
            {
                return new SampleSaved(null, 409, "body_not_kept", "the log kept only part of this request's body: it cannot be a sample");
            }
            (headers, body) = (JsonSerializer.Deserialize<Dictionary<string, string>>(log.HeadersJson)!, log.Body);
        }
        if (body is null)
        {
            return new SampleSaved(null, 400, "invalid_sample", "a sample needs a body, or the logId of a logged request");
        }
        if (await db.WebhookSamples.AnyAsync(s => s.WebhookId == webhookId && s.Name == name, cancellationToken))
        {
            return new SampleSaved(null, 409, "sample_name_taken", $"the webhook already has a sample named '{name}'");
        }
        var definition = stored.Read(webhook);
        // Kept as the log keeps a request's headers: credentials and the headers the filter compares are [redacted].
        var lowerCase = Logs.HeaderRedaction.Redact(headers, definition);
        var row = new SampleRow
        {
            Id = Ids.New("smp"), WebhookId = webhookId, Name = name, HeadersJson = JsonSerializer.Serialize(lowerCase), Body = body,
            Outcome = "", CreatedAt = clock.GetUtcNow(),
        };
        if (runner.Compile(accountId, definition) is not { } compiled)
        {
            return new SampleSaved(null, 409, "webhook_invalid", "the webhook's current version does not compile: fix it first, then save the sample");
        }
        row.Expected = runner.Run(accountId, compiled, lowerCase, body);
        db.WebhookSamples.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Saved at the same moment under the same name.
            db.ChangeTracker.Clear();
            return new SampleSaved(null, 409, "sample_name_taken", $"the webhook already has a sample named '{name}'");
        }
        return new SampleSaved(row);
    }
}
