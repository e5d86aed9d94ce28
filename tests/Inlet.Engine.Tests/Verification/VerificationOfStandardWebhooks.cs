using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Inlet.Engine.Verification;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Verification;

public sealed class VerificationOfStandardWebhooks
{
    private static readonly byte[] Key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly byte[] PreviousKey = Enumerable.Range(100, 24).Select(i => (byte)i).ToArray();
    private static readonly byte[] Body = """{"clientID":"c1","points":10}"""u8.ToArray();
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddSeconds(1_800_000_000);
    private const string Id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";

    private static readonly VerificationDefinition Settings = new()
    {
        Type = "standard-webhooks", Secret = "whsec_" + Convert.ToBase64String(Key), PreviousSecret = "whsec_" + Convert.ToBase64String(PreviousKey),
    };

    private static string Sign(byte[] key, string id, string timestamp, byte[] body) =>
        "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray()));

    private static string Seconds(TimeSpan offset) => (Now + offset).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static VerificationResult Verify(string? id, string? timestamp, string? signature, byte[]? body = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in new[] { ("Webhook-Id", id), ("Webhook-Timestamp", timestamp), ("Webhook-Signature", signature) })
        {
            if (value is not null)
            {
                headers[name] = value;
            }
        }
        return RequestVerifier.Verify(Settings, headers, body ?? Body, Now);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 0)]
    [InlineData(false, -300)]
    [InlineData(false, 300)]
    public void ARequestSignedWithTheSecretOrThePreviousOneWithinFiveMinutesPasses(bool previous, int offsetSeconds)
    {
        var timestamp = Seconds(TimeSpan.FromSeconds(offsetSeconds));

        var result = Verify(Id, timestamp, Sign(previous ? PreviousKey : Key, Id, timestamp, Body));

        Assert.True(result.Succeeded, result.Message);
    }

    [Fact]
    public void AnyOfSeveralSignaturesMayBeTheRightOne()
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var wrong = Sign(RandomNumberGenerator.GetBytes(32), Id, timestamp, Body);

        var result = Verify(Id, timestamp, $"{wrong} v1a,c2lnbmF0dXJl {Sign(Key, Id, timestamp, Body)}");

        Assert.True(result.Succeeded, result.Message);
    }

    [Theory]
    [InlineData(-6)]
    [InlineData(6)]
    public void ATimestampSixMinutesOffFailsEvenWhenSigned(int minutes)
    {
        var timestamp = Seconds(TimeSpan.FromMinutes(minutes));

        var result = Verify(Id, timestamp, Sign(Key, Id, timestamp, Body));

        Assert.Equal("timestamp_out_of_tolerance", result.Reason);
        Assert.Contains("360 seconds", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATamperedBodyFailsAsBadSignature()
    {
        var timestamp = Seconds(TimeSpan.Zero);

        var result = Verify(Id, timestamp, Sign(Key, Id, timestamp, Body), """{"clientID":"c1","points":1000}"""u8.ToArray());

        Assert.Equal("bad_signature", result.Reason);
    }

    [Fact]
    public void ASignatureOfAnotherIdOrTimestampFailsAsBadSignature()
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var earlier = Seconds(TimeSpan.FromSeconds(-1));

        Assert.Equal("bad_signature", Verify(Id, timestamp, Sign(Key, "msg_other", timestamp, Body)).Reason);
        Assert.Equal("bad_signature", Verify(Id, timestamp, Sign(Key, Id, earlier, Body)).Reason);
    }

    [Theory]
    [InlineData(null, "now", "signed", "missing_id")]
    [InlineData("msg_1", null, "signed", "missing_timestamp")]
    [InlineData("msg_1", "now", null, "missing_signature")]
    [InlineData("msg_1", "now", "", "missing_signature")]
    [InlineData("msg_1", "soon", "signed", "bad_timestamp")]
    [InlineData("msg_1", "-1", "signed", "bad_timestamp")]
    [InlineData("msg_1", "now", "v2,c2lnbmF0dXJl", "bad_signature")]
    [InlineData("msg_1", "now", "v1,not*base64", "bad_signature")]
    [InlineData("msg_1", "now", "c2lnbmF0dXJl", "bad_signature")]
    public void MissingOrMalformedHeadersFailWithTheirReason(string? id, string? timestamp, string? signature, string reason)
    {
        var seconds = timestamp == "now" ? Seconds(TimeSpan.Zero) : timestamp;
        var header = signature == "signed" ? Sign(Key, id ?? "", seconds ?? "", Body) : signature;

        var result = Verify(id, seconds, header);

        Assert.Equal(reason, result.Reason);
    }

    [Fact]
    public void TheMessageNeverShowsTheSignatureReceived()
    {
        var timestamp = Seconds(TimeSpan.Zero);
        var signature = Sign(RandomNumberGenerator.GetBytes(32), Id, timestamp, Body);

        var result = Verify(Id, timestamp, signature);

        Assert.Equal("bad_signature", result.Reason);
        Assert.DoesNotContain(signature[3..], result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", result.Message, StringComparison.Ordinal);
    }
}
