namespace Inlet.Logs;

/// <summary>One request received on a webhook URL, whatever its outcome (spec §9).</summary>
internal sealed class RequestLogRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public string? WebhookId { get; set; }
    public int? WebhookVersion { get; set; }
    public DateTimeOffset ReceivedAt { get; init; }
    public required string Method { get; init; }
    public required string Path { get; init; }
    public int StatusCode { get; set; }
    public long DurationMicros { get; set; }
    public string HeadersJson { get; set; } = "{}";
    public string? Body { get; set; }
    public bool BodyTruncated { get; set; }
    public string? ResponseBody { get; set; }
    public required string Outcome { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? FilterTraceJson { get; set; }
    public string? MappingTraceJson { get; set; }
    public string? EventId { get; set; }
    public string? CustomerId { get; set; }

    /// <summary>What the webhook's transform returned (JSON, redacted and cut like the body), when it has one.</summary>
    public string? TransformedBody { get; set; }

    /// <summary>The log row of the request this one replayed, when it is a replay.</summary>
    public string? ReplayOf { get; set; }
}

/// <summary>An idempotency key seen on a webhook, with the answer it got, remembered for a while (spec §2.3).</summary>
internal sealed class IdempotencyRow
{
    public required string WebhookId { get; init; }
    public required string Key { get; init; }
    public required string BodyHash { get; init; }
    public int StatusCode { get; init; }
    public required string ResponseBody { get; init; }
    public string? RequestLogId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
