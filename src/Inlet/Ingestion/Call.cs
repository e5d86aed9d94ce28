using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Logs;
using Inlet.Webhooks;

namespace Inlet.Ingestion;

/// <summary>One request on its way through the pipeline: what the log row will say about it.</summary>
internal sealed class Call(HttpContext http, string accountId, string id, DateTimeOffset receivedAt)
{
    public long Started { get; } = Stopwatch.GetTimestamp();
    public HttpContext Http { get; } = http;
    public string AccountId { get; } = accountId;
    public string Id { get; } = id;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public LiveWebhook? Webhook { get; set; }
    public byte[]? Body { get; set; }
    public IReadOnlyList<FilterTraceEntry>? FilterTrace { get; set; }
    public IReadOnlyList<MappingTraceEntry>? MappingTrace { get; set; }
    public string? CustomerId { get; set; }

    /// <summary>What the webhook's transform returned, as JSON text.</summary>
    public string? TransformedBody { get; set; }

    /// <summary>
    /// A transformed body as the log keeps it: the webhook's redacted paths masked in it too (where it has them), cut at the
    /// same size as a received body.
    /// </summary>
    public static string? Kept(string? transformed, Engine.Webhooks.CompiledWebhook? webhook, int maxBodyBytes)
    {
        if (transformed is null || webhook is null)
        {
            return transformed;
        }
        var redacted = webhook.RedactBody(transformed);
        return Encoding.UTF8.GetByteCount(redacted) <= maxBodyBytes ? redacted : Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(redacted).AsSpan(0, maxBodyBytes));
    }

    /// <summary>The log row as far as the request tells it, redacted; the writer adds the answer when it is decided.</summary>
    public RequestLogRow Log(int maxBodyBytes)
    {
        var definition = Webhook?.Compiled?.Definition;
        // Paths the webhook asks to mask (PII) are masked before anything is kept.
        var body = Body is not null && Webhook?.Compiled is { } compiled ? Encoding.UTF8.GetBytes(compiled.RedactBody(Encoding.UTF8.GetString(Body))) : Body ?? [];
        var kept = body.Length > maxBodyBytes ? body.AsSpan(0, maxBodyBytes) : body;
        return new RequestLogRow
        {
            Id = Id,
            AccountId = AccountId,
            WebhookId = Webhook?.Id,
            WebhookVersion = Webhook?.Version,
            ReceivedAt = ReceivedAt,
            Method = Http.Request.Method,
            Path = Http.Request.Path + Http.Request.QueryString,
            HeadersJson = JsonSerializer.Serialize(HeaderRedaction.Redact(Http.Request.Headers, definition)),
            Body = Body is null ? null : Encoding.UTF8.GetString(kept),
            BodyTruncated = body.Length > maxBodyBytes,
            Outcome = "",
            FilterTraceJson = TraceRedaction.FilterJson(FilterTrace, definition),
            MappingTraceJson = TraceRedaction.MappingJson(MappingTrace, definition),
            CustomerId = CustomerId,
            TransformedBody = Kept(TransformedBody, Webhook?.Compiled, maxBodyBytes),
        };
    }
}
