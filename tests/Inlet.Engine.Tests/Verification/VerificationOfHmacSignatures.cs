using System.Security.Cryptography;
using System.Text;
using Inlet.Engine.Verification;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Verification;

public sealed class VerificationOfHmacSignatures
{
    private const string Secret = "current-secret";
    private const string PreviousSecret = "previous-secret";
    private static readonly byte[] Body = """{"clientID":"c1","points":10}"""u8.ToArray();
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000);

    private static VerificationDefinition Settings(string? algorithm = null, string? encoding = null, string? prefix = null) => new()
    {
        Type = "hmac", Header = "X-Signature", Secret = Secret, PreviousSecret = PreviousSecret,
        Algorithm = algorithm, Encoding = encoding, Prefix = prefix,
    };

    private static string Sign(string secret, byte[] body, string? algorithm, string? encoding)
    {
        var key = Encoding.UTF8.GetBytes(secret);
        var mac = algorithm == "sha512" ? HMACSHA512.HashData(key, body) : HMACSHA256.HashData(key, body);
        return encoding == "base64" ? Convert.ToBase64String(mac) : Convert.ToHexStringLower(mac);
    }

    private static VerificationResult Verify(VerificationDefinition settings, string? signature, byte[]? body = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (signature is not null)
        {
            headers["x-signature"] = signature;
        }
        return RequestVerifier.Verify(settings, headers, body ?? Body, Now);
    }

    public static TheoryData<string?, string?, string?, string> Variants()
    {
        var data = new TheoryData<string?, string?, string?, string>();
        foreach (var algorithm in new[] { null, "sha256", "sha512" })
        {
            foreach (var encoding in new[] { null, "hex", "base64" })
            {
                foreach (var prefix in new[] { null, "sha256=" })
                {
                    data.Add(algorithm, encoding, prefix, Secret);
                    data.Add(algorithm, encoding, prefix, PreviousSecret);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void TheRightSignatureWithTheSecretOrThePreviousOnePasses(string? algorithm, string? encoding, string? prefix, string secret)
    {
        var result = Verify(Settings(algorithm, encoding, prefix), prefix + Sign(secret, Body, algorithm, encoding));

        Assert.True(result.Succeeded, result.Message);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void ATamperedBodyFailsAsBadSignature(string? algorithm, string? encoding, string? prefix, string secret)
    {
        var tampered = """{"clientID":"c1","points":1000}"""u8.ToArray();

        var result = Verify(Settings(algorithm, encoding, prefix), prefix + Sign(secret, Body, algorithm, encoding), tampered);

        Assert.Equal("bad_signature", result.Reason);
    }

    [Fact]
    public void HexIsReadInEitherCase()
    {
        var result = Verify(Settings(), Sign(Secret, Body, null, null).ToUpperInvariant());

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public void APrefixIsStrippedBeforeDecoding()
    {
        var signature = Sign(Secret, Body, "sha256", "hex");

        Assert.True(Verify(Settings(prefix: "sha256="), "sha256=" + signature).Succeeded);
        Assert.Equal("bad_signature", Verify(Settings(), "sha256=" + signature).Reason);
    }

    [Theory]
    [InlineData(null, "missing_signature")]
    [InlineData("", "missing_signature")]
    [InlineData("not hex at all", "bad_signature")]
    [InlineData("abc", "bad_signature")]
    [InlineData("00", "bad_signature")]
    public void AMissingOrUnreadableSignatureFailsWithItsReason(string? signature, string reason)
    {
        var result = Verify(Settings(), signature);

        Assert.Equal(reason, result.Reason);
    }

    [Theory]
    [InlineData("other-secret", null, null)]
    [InlineData(Secret, "sha512", null)]
    [InlineData(Secret, null, "base64")]
    public void ASignatureMadeOtherwiseFailsAsBadSignatureWithoutShowingIt(string secret, string? algorithm, string? encoding)
    {
        var signature = Sign(secret, Body, algorithm, encoding);

        var result = Verify(Settings(), signature);

        Assert.Equal("bad_signature", result.Reason);
        Assert.DoesNotContain(signature, result.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-", result.Message, StringComparison.Ordinal);
    }
}
