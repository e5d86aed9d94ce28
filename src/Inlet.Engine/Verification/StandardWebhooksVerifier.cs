using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Verification.VerificationReasons;

namespace Inlet.Engine.Verification;

/// <summary>
/// The Standard Webhooks scheme (standardwebhooks.com): <c>webhook-signature</c> lists space-separated <c>v1,&lt;base64&gt;</c>
/// HMAC-SHA256 signatures of <c>{webhook-id}.{webhook-timestamp}.{body}</c>, keyed with the base64 after <c>whsec_</c>;
/// the timestamp must be within <see cref="Tolerance"/> of now, so an old request cannot be replayed.
/// </summary>
internal static class StandardWebhooksVerifier
{
    public static TimeSpan Tolerance { get; } = TimeSpan.FromMinutes(5);

    public static VerificationResult Verify(VerificationDefinition settings, IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        if (!Present(headers, "webhook-id", out var id))
        {
            return VerificationResult.Fail(MissingId, "the webhook-id header is missing");
        }
        if (!Present(headers, "webhook-timestamp", out var timestamp))
        {
            return VerificationResult.Fail(MissingTimestamp, "the webhook-timestamp header is missing");
        }
        if (!Present(headers, "webhook-signature", out var signatures))
        {
            return VerificationResult.Fail(MissingSignature, "the webhook-signature header is missing");
        }
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return VerificationResult.Fail(BadTimestamp, "the webhook-timestamp header is not a whole number of seconds since 1970");
        }
        var drift = now.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(drift) > Tolerance.TotalSeconds)
        {
            return VerificationResult.Fail(TimestampOutOfTolerance, string.Create(CultureInfo.InvariantCulture,
                $"the webhook-timestamp is {Math.Abs(drift)} seconds {(drift > 0 ? "old" : "ahead")}: at most {Tolerance.TotalSeconds} are allowed"));
        }
        var prefix = Encoding.UTF8.GetBytes($"{id}.{timestamp}.");
        Span<byte> current = stackalloc byte[32];
        Span<byte> previous = stackalloc byte[32];
        var hasCurrent = TrySign(settings.Secret, prefix, body, current);
        var hasPrevious = TrySign(settings.PreviousSecret, prefix, body, previous);
        Span<byte> received = stackalloc byte[RequestVerifier.MaxSignatureBytes];
        var versioned = 0;
        var matched = false;
        foreach (var range in signatures.AsSpan().Split(' '))
        {
            var entry = signatures.AsSpan()[range];
            // Other versions (v1a is asymmetric) are skipped: a sender may list several schemes at once.
            if (!entry.StartsWith("v1,", StringComparison.Ordinal))
            {
                continue;
            }
            versioned++;
            if (Convert.TryFromBase64Chars(entry[3..], received, out var length))
            {
                matched |= (hasCurrent && CryptographicOperations.FixedTimeEquals(current, received[..length]))
                    | (hasPrevious && CryptographicOperations.FixedTimeEquals(previous, received[..length]));
            }
        }
        return matched ? VerificationResult.Passed : VerificationResult.Fail(BadSignature, versioned == 0
            ? "the webhook-signature header has no v1 signature"
            : string.Create(CultureInfo.InvariantCulture,
                $"none of the {versioned} v1 signatures in the webhook-signature header is of this request with the secret or the previous one"));
    }

    private static bool Present(IReadOnlyDictionary<string, string> headers, string name, out string value) =>
        headers.TryGetValue(name, out value!) && value.Length > 0;

    private static bool TrySign(string? secret, ReadOnlySpan<byte> prefix, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        if (secret is null)
        {
            return false;
        }
        var encoded = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret.AsSpan(6) : secret.AsSpan();
        Span<byte> key = stackalloc byte[256];
        if (!Convert.TryFromBase64Chars(encoded, key, out var length) || length == 0)
        {
            return false;
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key[..length]);
        hmac.AppendData(prefix);
        hmac.AppendData(body);
        return hmac.TryGetHashAndReset(destination, out _);
    }
}
