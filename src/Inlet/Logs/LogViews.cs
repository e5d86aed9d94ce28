using System.Linq.Expressions;
using System.Text.Json;

namespace Inlet.Logs;

/// <summary>A request log in a list: what happened, without headers, bodies or traces.</summary>
internal sealed record LogSummary(
    string Id, DateTimeOffset ReceivedAt, string Method, string Path, int StatusCode, double DurationMs, string Outcome, string? ErrorCode,
    string? WebhookId, int? WebhookVersion, string? CustomerId, string? EventId)
{
    /// <summary>A projection EF Core runs in SQL, so a page never loads the bodies it does not show.</summary>
    public static Expression<Func<RequestLogRow, LogSummary>> FromRow { get; } = l => new LogSummary(
        l.Id, l.ReceivedAt, l.Method, l.Path, l.StatusCode, l.DurationMicros / 1000.0, l.Outcome, l.ErrorCode,
        l.WebhookId, l.WebhookVersion, l.CustomerId, l.EventId);
}

/// <summary>A page of request logs, newest first; <see cref="NextCursor"/> is null on the last page.</summary>
internal sealed record LogPage(List<LogSummary> Items, string? NextCursor);

/// <summary>One request log in full (spec §9): headers and traces as JSON, the body as text as it was received.</summary>
internal sealed record LogDetail(
    string Id, DateTimeOffset ReceivedAt, string Method, string Path, int StatusCode, double DurationMs, string Outcome,
    string? ErrorCode, string? ErrorMessage, string? WebhookId, int? WebhookVersion, string? CustomerId, string? EventId,
    Dictionary<string, string> Headers, string? Body, bool BodyTruncated, string? ResponseBody, JsonElement? FilterTrace, JsonElement? MappingTrace,
    string? ReplayOf, string? TransformedBody)
{
    public static LogDetail From(RequestLogRow row) => new(
        row.Id, row.ReceivedAt, row.Method, row.Path, row.StatusCode, row.DurationMicros / 1000.0, row.Outcome,
        row.ErrorCode, row.ErrorMessage, row.WebhookId, row.WebhookVersion, row.CustomerId, row.EventId,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.HeadersJson) ?? [], row.Body, row.BodyTruncated, row.ResponseBody,
        Json(row.FilterTraceJson), Json(row.MappingTraceJson), row.ReplayOf, row.TransformedBody);

    // The traces are stored as the engine wrote them; they are passed on as JSON, not re-read into types.
    private static JsonElement? Json(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}
