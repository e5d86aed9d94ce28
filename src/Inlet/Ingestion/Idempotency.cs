using System.Security.Cryptography;
using Inlet.Data;
using Inlet.Engine.Paths;
using Inlet.Engine.Webhooks;
using Inlet.Logs;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Ingestion;

internal sealed record IdempotencyKey(string Value, string BodyHash);

/// <summary>
/// Senders deliver at least once (spec §2.3): a key seen before gets its original answer again. The key comes from the
/// webhook's body path or header, else <c>Idempotency-Key</c>, else <c>webhook-id</c>. Keys are stored with the answer,
/// in the transaction that stores the event, so a key is never remembered without its effect or the reverse.
/// </summary>
internal sealed class Idempotency(InletDb db, TimeProvider clock)
{
    private static readonly string[] DefaultHeaders = ["Idempotency-Key", "webhook-id"];

    public static IdempotencyKey? KeyOf(CompiledWebhook webhook, WebhookRequest request, byte[] body)
    {
        var value = webhook.IdempotencyPath is { } path
            ? path.TryRead(request.Body, out var element) && JsonText.TryScalar(element, out var text) ? text : null
            : FromHeaders(webhook.Definition.Idempotency?.Header, request.Headers);
        return string.IsNullOrWhiteSpace(value) || value.Length > 256
            ? null
            : new IdempotencyKey(value, Convert.ToHexStringLower(SHA256.HashData(body)));
    }

    /// <summary>
    /// The answer remembered for this key. A key stays until the pruner removes it (at least IdempotencyDays): honouring it a
    /// little longer is harmless, while a key still stored but treated as unknown could never be stored again.
    /// </summary>
    public Task<IdempotencyRow?> FindAsync(string webhookId, IdempotencyKey key, CancellationToken cancellationToken) =>
        db.IdempotencyKeys.AsNoTracking().FirstOrDefaultAsync(k => k.WebhookId == webhookId && k.Key == key.Value, cancellationToken);

    /// <summary>The row that remembers a final answer (processed or rejected); nothing for answers worth retrying.</summary>
    public IEnumerable<object> Remember(string webhookId, IdempotencyKey? key, Answer answer, string requestId)
    {
        if (key is null || answer.Outcome is not (Outcomes.Processed or Outcomes.Rejected))
        {
            yield break;
        }
        yield return new IdempotencyRow
        {
            WebhookId = webhookId,
            Key = key.Value,
            BodyHash = key.BodyHash,
            StatusCode = answer.Status,
            ResponseBody = answer.Body,
            RequestLogId = requestId,
            CreatedAt = clock.GetUtcNow(),
        };
    }

    private static string? FromHeaders(string? configured, IReadOnlyDictionary<string, string> headers)
    {
        if (configured is not null)
        {
            return headers.GetValueOrDefault(configured);
        }
        foreach (var name in DefaultHeaders)
        {
            if (headers.TryGetValue(name, out var value))
            {
                return value;
            }
        }
        return null;
    }
}
