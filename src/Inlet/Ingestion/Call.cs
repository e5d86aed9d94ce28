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
    private readonly long _started = Stopwatch.GetTimestamp();

    public HttpContext Http { get; } = http;
    public string AccountId { get; } = accountId;
    public string Id { get; } = id;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;
    public LiveWebhook? Webhook { get; set; }
    public byte[]? Body { get; set; }
    public IReadOnlyList<FilterTraceEntry>? FilterTrace { get; set; }
    public IReadOnlyList<MappingTraceEntry>? MappingTrace { get; set; }
    public string? CustomerId { get; set; }

    public RequestLogRow ToLog(Answer answer, int maxBodyBytes)
    {
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
            StatusCode = answer.Status,
            DurationMicros = (long)Stopwatch.GetElapsedTime(_started).TotalMicroseconds,
            HeadersJson = JsonSerializer.Serialize(HeaderRedaction.Redact(Http.Request.Headers, Webhook?.Compiled?.Definition)),
            Body = Body is null ? null : Encoding.UTF8.GetString(kept),
            BodyTruncated = body.Length > maxBodyBytes,
            ResponseBody = answer.Body,
            Outcome = answer.Outcome,
            ErrorCode = answer.ErrorCode,
            ErrorMessage = answer.ErrorMessage,
            FilterTraceJson = FilterTrace is null ? null
                : JsonSerializer.Serialize(TraceRedaction.Mask(HeaderRedaction.Redact(FilterTrace, Webhook?.Compiled?.Definition), Webhook?.Compiled?.Definition), Engine.EngineJson.Options),
            MappingTraceJson = MappingTrace is null ? null
                : JsonSerializer.Serialize(TraceRedaction.Mask(MappingTrace, Webhook?.Compiled?.Definition), Engine.EngineJson.Options),
            EventId = answer.EventId,
            CustomerId = CustomerId,
        };
    }
}

/// <summary>What the pipeline answers: status, JSON body, outcome, and the headers that go with them.</summary>
internal sealed record Answer(int Status, string Body, string Outcome, string? ErrorCode = null, string? ErrorMessage = null, string? EventId = null)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
