namespace Inlet.Ingestion;

/// <summary>The outcome codes of the ingestion pipeline (spec §2), as they appear in logs and error responses.</summary>
internal static class Outcomes
{
    public const string Processed = "processed";

    /// <summary>Kept for a customer who is not a member yet (202); the log row later says what became of it.</summary>
    public const string Parked = "parked";

    /// <summary>A parked event whose member did not come into being within the account's <c>parkDays</c>.</summary>
    public const string ParkExpired = "park_expired";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string WebhookInactive = "webhook_inactive";
    public const string WebhookArchived = "webhook_archived";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string VerificationFailed = "verification_failed";
    public const string InvalidJson = "invalid_json";
    public const string RateLimited = "rate_limited";
    public const string FilteredOut = "filtered_out";

    /// <summary>The webhook's transform returned null: nothing to register (200).</summary>
    public const string Dropped = "dropped";

    /// <summary>The webhook's transform threw, hit a limit or returned what is not a body (422).</summary>
    public const string TransformFailed = "transform_failed";
    public const string Duplicate = "duplicate";
    public const string IdempotencyKeyReused = "idempotency_key_reused";
    public const string InvalidEvent = "invalid_event";
    public const string Rejected = "rejected";
    public const string Unavailable = "unavailable";
}
