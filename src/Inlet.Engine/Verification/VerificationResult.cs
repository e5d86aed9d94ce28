using System.Diagnostics.CodeAnalysis;

namespace Inlet.Engine.Verification;

/// <summary>
/// What <see cref="RequestVerifier"/> decided: passed, or failed with a reason code and a message for the request log.
/// Neither ever holds a secret or the signature received.
/// </summary>
public sealed record VerificationResult(string? Reason, string? Message)
{
    public static VerificationResult Passed { get; } = new(null, null);

    [MemberNotNullWhen(false, nameof(Reason), nameof(Message))]
    public bool Succeeded => Reason is null;

    public static VerificationResult Fail(string reason, string message) => new(reason, message);
}

/// <summary>Why a request failed verification (spec §2 step 5): the log's error code; the sender only sees <c>verification_failed</c>.</summary>
public static class VerificationReasons
{
    /// <summary>token: the header that carries the token is absent or empty.</summary>
    public const string MissingToken = "missing_token";

    /// <summary>token: the header matches neither the secret nor the previous secret.</summary>
    public const string BadToken = "bad_token";

    /// <summary>basic: no <c>Authorization: Basic ...</c> header.</summary>
    public const string MissingCredentials = "missing_credentials";

    /// <summary>basic: the credentials are not base64 of <c>user:password</c>, or do not match.</summary>
    public const string BadCredentials = "bad_credentials";

    /// <summary>hmac and standard-webhooks: the signature header is absent or empty.</summary>
    public const string MissingSignature = "missing_signature";

    /// <summary>hmac and standard-webhooks: the signature cannot be decoded, or matches no secret.</summary>
    public const string BadSignature = "bad_signature";

    /// <summary>standard-webhooks: no <c>webhook-id</c> header, which the signature covers.</summary>
    public const string MissingId = "missing_id";

    /// <summary>standard-webhooks: no <c>webhook-timestamp</c> header.</summary>
    public const string MissingTimestamp = "missing_timestamp";

    /// <summary>standard-webhooks: the timestamp is not whole seconds since 1970.</summary>
    public const string BadTimestamp = "bad_timestamp";

    /// <summary>standard-webhooks: the timestamp is more than five minutes from now, either way (a replay, or a skewed clock).</summary>
    public const string TimestampOutOfTolerance = "timestamp_out_of_tolerance";

    /// <summary>The webhook names a verification type this engine does not know (validation normally stops it first).</summary>
    public const string UnsupportedType = "unsupported_type";
}
