using System.Security.Cryptography;
using Inlet.Engine.Paths;
using Inlet.Engine.Webhooks;

namespace Inlet.Ingestion;

/// <summary>A sender's idempotency key on one webhook, with the hash of the body it came with.</summary>
internal sealed record IdempotencyKey(string WebhookId, string Value, string BodyHash);

/// <summary>
/// Senders deliver at least once (spec §2.3): a key seen before gets its original answer again. The key comes from the
/// webhook's body path or header, else <c>Idempotency-Key</c>, else <c>webhook-id</c>. The writer checks it first in the
/// batch, and stores it with the answer in the transaction that stores the event, so a key is never remembered without
/// its effect or the reverse.
/// </summary>
internal static class Idempotency
{
    private static readonly string[] DefaultHeaders = ["Idempotency-Key", "webhook-id"];

    public static IdempotencyKey? KeyOf(string webhookId, CompiledWebhook webhook, WebhookRequest request, byte[] body)
    {
        var value = webhook.IdempotencyPath is { } path
            ? path.TryRead(request.Body, out var element) && JsonText.TryScalar(element, out var text) ? text : null
            : FromHeaders(webhook.Definition.Idempotency?.Header, request.Headers);
        return string.IsNullOrWhiteSpace(value) || value.Length > 256
            ? null
            : new IdempotencyKey(webhookId, value, Convert.ToHexStringLower(SHA256.HashData(body)));
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
