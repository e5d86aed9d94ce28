using System.Globalization;
using Inlet.Engine.Validation;
using Inlet.Ingestion;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Logs;

/// <summary>The query string of <c>GET /api/v1/logs</c> as sent: text, so a bad value gets a message that says how to fix it.</summary>
internal sealed record LogQuery(
    [FromQuery(Name = "webhookId")] string? WebhookId,
    [FromQuery(Name = "outcome")] string? Outcome,
    [FromQuery(Name = "status")] string? Status,
    [FromQuery(Name = "from")] string? From,
    [FromQuery(Name = "to")] string? To,
    [FromQuery(Name = "customer")] string? Customer,
    [FromQuery(Name = "q")] string? Q,
    [FromQuery(Name = "limit")] string? Limit,
    [FromQuery(Name = "cursor")] string? Cursor)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Every outcome code a log row can have, in pipeline order.</summary>
    public static IReadOnlyList<string> KnownOutcomes { get; } =
    [
        Outcomes.Processed, Outcomes.NotFound, Outcomes.MethodNotAllowed, Outcomes.WebhookInactive, Outcomes.WebhookArchived,
        Outcomes.PayloadTooLarge, Outcomes.UnsupportedMediaType, Outcomes.VerificationFailed, Outcomes.InvalidJson, Outcomes.RateLimited, Outcomes.FilteredOut, Outcomes.Duplicate,
        Outcomes.IdempotencyKeyReused, Outcomes.InvalidEvent, Outcomes.Rejected, Outcomes.Unavailable,
    ];

    /// <summary>The filter these values ask for, or every fault at once.</summary>
    public LogFilter? Read(out List<ValidationError> errors)
    {
        errors = [];
        if (Blank(Outcome) is { } outcome && !KnownOutcomes.Contains(outcome))
        {
            errors.Add(new("outcome", $"'{outcome}' is not an outcome: use one of {string.Join(", ", KnownOutcomes)}"));
        }
        int? status = null;
        if (Blank(Status) is { } statusText)
        {
            status = int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s is >= 100 and <= 599 ? s : null;
            if (status is null)
            {
                errors.Add(new("status", $"'{statusText}' is not an HTTP status code: use a number from 100 to 599, e.g. 422"));
            }
        }
        var from = Instant("from", From, errors);
        var to = Instant("to", To, errors);
        if (from > to)
        {
            errors.Add(new("to", "must be after from"));
        }
        var limit = DefaultLimit;
        if (Blank(Limit) is { } limitText && !(int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit))
        {
            errors.Add(new("limit", $"'{limitText}' is not a page size: use a number from 1 to {MaxLimit}"));
        }
        if (!string.IsNullOrEmpty(Q) && !LogText.Searchable(Q))
        {
            errors.Add(new("q", $"'{Q}' is too short to search for: give at least {LogText.MinLength} characters of the body"));
        }
        if (Blank(Cursor) is { } cursor && !cursor.StartsWith("req_", StringComparison.Ordinal))
        {
            errors.Add(new("cursor", "pass the nextCursor of the previous page (a request log id, req_...)"));
        }
        return errors.Count > 0
            ? null
            : new LogFilter(Blank(WebhookId), Blank(Outcome), status, from, to, Blank(Customer), string.IsNullOrEmpty(Q) ? null : Q, limit, Blank(Cursor));
    }

    private static DateTimeOffset? Instant(string field, string? text, List<ValidationError> errors)
    {
        if (Blank(text) is not { } value)
        {
            return null;
        }
        // An instant without an offset is read as UTC, like every time Inlet stores.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }
        var hint = value.Contains(' ', StringComparison.Ordinal) ? " (a '+' in a URL reads as a space: write it %2B)" : "";
        errors.Add(new(field, $"'{value}' is not an ISO 8601 instant such as 2026-11-29T10:00:00Z{hint}"));
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
