using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Verification;

/// <summary>Checks a webhook's verification settings (spec §8): the fields each type needs, in the formats it needs them.</summary>
public static class VerificationValidation
{
    public static IReadOnlyList<string> Types { get; } = ["none", "token", "basic", "hmac", "standard-webhooks"];

    public static void Validate(VerificationDefinition? verification, ICollection<ValidationError> errors)
    {
        var v = verification ?? new VerificationDefinition();
        switch (v.Type)
        {
            case "none":
                return;
            case "token":
                RequireHeader(v.Header, errors);
                Require(v.Secret, "verification.secret", "the token the sender puts in the header", errors);
                break;
            case "basic":
                Require(v.Username, "verification.username", "the user name the sender authenticates with", errors);
                Require(v.Password, "verification.password", "the password the sender authenticates with", errors);
                break;
            case "hmac":
                RequireHeader(v.Header, errors);
                Require(v.Secret, "verification.secret", "the shared secret the body is signed with", errors);
                if (v.Algorithm is not (null or "sha256" or "sha512"))
                {
                    errors.Add(new("verification.algorithm", $"'{v.Algorithm}' is not supported: write sha256 or sha512"));
                }
                if (v.Encoding is not (null or "hex" or "base64"))
                {
                    errors.Add(new("verification.encoding", $"'{v.Encoding}' is not supported: write hex or base64"));
                }
                break;
            case "standard-webhooks":
                RequireStandardSecret(v.Secret, "verification.secret", required: true, errors);
                RequireStandardSecret(v.PreviousSecret, "verification.previousSecret", required: false, errors);
                break;
            default:
                errors.Add(new("verification.type", $"'{v.Type}' is not a verification type: write one of {string.Join(", ", Types)}"));
                break;
        }
    }

    private static void Require(string? value, string field, string what, ICollection<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors.Add(new(field, $"is required: {what}"));
        }
    }

    private static void RequireHeader(string? header, ICollection<ValidationError> errors)
    {
        if (!HeaderNames.IsValid(header))
        {
            errors.Add(new("verification.header", $"'{header}' is not a header name: write e.g. X-Inlet-Token"));
        }
    }

    private static void RequireStandardSecret(string? secret, string field, bool required, ICollection<ValidationError> errors)
    {
        if (secret is null && !required)
        {
            return;
        }
        var key = secret is not null && secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret[6..] : null;
        Span<byte> buffer = stackalloc byte[256];
        if (key is null || key.Length == 0 || !Convert.TryFromBase64String(key, buffer, out _))
        {
            errors.Add(new(field, "must be a Standard Webhooks secret: whsec_ followed by base64 (at most 256 bytes)"));
        }
    }
}
