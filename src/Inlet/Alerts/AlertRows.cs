namespace Inlet.Alerts;

/// <summary>An account's alert rule: a condition on its webhooks' traffic and where to say when it fires or resolves.</summary>
internal sealed class AlertRuleRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }

    /// <summary>The webhook watched; null for each of the account's active webhooks, separately.</summary>
    public string? WebhookId { get; set; }

    public required string Kind { get; set; }
    public double? Threshold { get; set; }
    public int WindowMinutes { get; set; }
    public int? MinRequests { get; set; }
    public required string NotifyUrl { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One firing of a rule on one webhook, from the evaluation that found its condition true to the one that found it false;
/// at most one open (unresolved) per rule and webhook, which the store enforces. Its two notices say whether the firing and
/// the resolved notifications are still to be sent, so each goes once, across restarts.
/// </summary>
internal sealed class AlertIncidentRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string RuleId { get; init; }
    public required string WebhookId { get; init; }
    public DateTimeOffset FiredAt { get; init; }
    public long Requests { get; init; }
    public long Failures { get; init; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public long? ResolvedRequests { get; set; }
    public long? ResolvedFailures { get; set; }
    public string FiringNotice { get; set; } = Notices.Pending;
    public string? ResolvedNotice { get; set; }
}

/// <summary>One attempt at sending a notification: when, and the receiver's status code or what went wrong.</summary>
internal sealed class AlertDeliveryRow
{
    public required string Id { get; init; }
    public required string IncidentId { get; init; }
    public required string Status { get; init; }
    public int Attempt { get; init; }
    public DateTimeOffset AttemptedAt { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
}

/// <summary>Where a notification stands: waiting to be sent, sent (a 2xx), or given up after the retries.</summary>
internal static class Notices
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}

internal static class AlertKinds
{
    public const string FailureRate = "failure_rate";
    public const string Silence = "silence";
}
