using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Verification.VerificationReasons;

namespace Inlet.Engine.Verification;

/// <summary>
/// Checks that a request comes from the sender a webhook trusts (spec §8), over the raw body bytes, before it is parsed.
/// Pure: the caller passes the headers and the time. Secrets and signatures are compared in constant time, the previous
/// secret is accepted as well as the current one (rotation), and no message repeats a secret or a received signature.
/// </summary>
public static class RequestVerifier
{
    /// <summary>Large enough for any signature accepted here (SHA-512 is 64 bytes); longer ones cannot match.</summary>
    internal const int MaxSignatureBytes = 128;

    /// <summary>Verifies one request; <paramref name="headers"/> must look names up case-insensitively.</summary>
    public static VerificationResult Verify(VerificationDefinition settings, IReadOnlyDictionary<string, string> headers,
        ReadOnlySpan<byte> body, DateTimeOffset now) => settings.Type switch
        {
            "none" => VerificationResult.Passed,
            "token" => Token(settings, headers),
            "basic" => Basic(settings, headers),
            "hmac" => Hmac(settings, headers, body),
            "standard-webhooks" => StandardWebhooksVerifier.Verify(settings, headers, body, now),
            _ => VerificationResult.Fail(UnsupportedType, $"'{settings.Type}' is not a verification type"),
        };

    private static VerificationResult Token(VerificationDefinition settings, IReadOnlyDictionary<string, string> headers)
    {
        var header = settings.Header ?? "";
        if (!headers.TryGetValue(header, out var token) || token.Length == 0)
        {
            return VerificationResult.Fail(MissingToken, $"the {header} header is missing");
        }
        if (!string.IsNullOrEmpty(settings.Prefix))
        {
            // "Authorization: Bearer <token>" with prefix "Bearer": the prefix is required, then compared without it.
            if (!token.StartsWith(settings.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return VerificationResult.Fail(BadToken, $"the {header} header does not start with its prefix");
            }
            token = token[settings.Prefix.Length..].TrimStart();
        }
        return SameText(token, settings.Secret) | SameText(token, settings.PreviousSecret)
            ? VerificationResult.Passed
            : VerificationResult.Fail(BadToken, $"the {header} header matches neither the token nor the previous one");
    }

    private static VerificationResult Basic(VerificationDefinition settings, IReadOnlyDictionary<string, string> headers)
    {
        const string Scheme = "Basic ";
        if (!headers.TryGetValue("Authorization", out var authorization) || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return VerificationResult.Fail(MissingCredentials, "the Authorization header with Basic credentials is missing");
        }
        var encoded = authorization.AsSpan(Scheme.Length).Trim();
        var decoded = new byte[encoded.Length];
        var colon = -1;
        if (Convert.TryFromBase64Chars(encoded, decoded, out var length))
        {
            colon = decoded.AsSpan(0, length).IndexOf((byte)':');
        }
        if (colon < 0)
        {
            return VerificationResult.Fail(BadCredentials, "the Basic credentials are not base64 of user:password");
        }
        var user = decoded.AsSpan(0, colon);
        var password = decoded.AsSpan(colon + 1, length - colon - 1);
        // The password is checked even when the user differs, so the time taken says nothing about which was wrong.
        var matches = SameBytes(user, settings.Username) & (SameBytes(password, settings.Password) | SameBytes(password, settings.PreviousSecret));
        return matches
            ? VerificationResult.Passed
            : VerificationResult.Fail(BadCredentials, "the Basic credentials match neither the user and password nor the previous password");
    }

    private static VerificationResult Hmac(VerificationDefinition settings, IReadOnlyDictionary<string, string> headers, ReadOnlySpan<byte> body)
    {
        var header = settings.Header ?? "";
        if (!headers.TryGetValue(header, out var value) || value.Length == 0)
        {
            return VerificationResult.Fail(MissingSignature, $"the {header} header is missing");
        }
        var text = value.AsSpan().Trim();
        if (!string.IsNullOrEmpty(settings.Prefix) && text.StartsWith(settings.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[settings.Prefix.Length..];
        }
        var encoding = settings.Encoding ?? "hex";
        Span<byte> received = stackalloc byte[MaxSignatureBytes];
        if (!TryDecode(text, encoding, received, out var length))
        {
            return VerificationResult.Fail(BadSignature, $"the {header} header is not a {encoding} signature");
        }
        received = received[..length];
        var algorithm = settings.Algorithm == "sha512" ? HashAlgorithmName.SHA512 : HashAlgorithmName.SHA256;
        return SignedWith(algorithm, settings.Secret, body, received) | SignedWith(algorithm, settings.PreviousSecret, body, received)
            ? VerificationResult.Passed
            : VerificationResult.Fail(BadSignature,
                $"the {header} header is not the {settings.Algorithm ?? "sha256"} HMAC of the body with the secret nor with the previous one");
    }

    private static bool TryDecode(ReadOnlySpan<char> text, string encoding, Span<byte> destination, out int length)
    {
        if (encoding == "base64")
        {
            return Convert.TryFromBase64Chars(text, destination, out length);
        }
        // Hex is read in either case, as senders differ.
        var status = Convert.FromHexString(text, destination, out _, out length);
        return status == OperationStatus.Done;
    }

    private static bool SignedWith(HashAlgorithmName algorithm, string? secret, ReadOnlySpan<byte> body, ReadOnlySpan<byte> received)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[64];
        var written = CryptographicOperations.HmacData(algorithm, Encoding.UTF8.GetBytes(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected[..written], received);
    }

    private static bool SameText(string received, string? expected) => SameBytes(Encoding.UTF8.GetBytes(received), expected);

    private static bool SameBytes(ReadOnlySpan<byte> received, string? expected) =>
        !string.IsNullOrEmpty(expected) && CryptographicOperations.FixedTimeEquals(received, Encoding.UTF8.GetBytes(expected));
}
