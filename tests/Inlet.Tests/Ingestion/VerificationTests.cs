using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inlet.Tests.Ingestion;

/// <summary>Step 5 of the pipeline (spec §2, §8): a webhook with verification refuses what it cannot verify, and says why in the log only.</summary>
public sealed class VerificationTests(InletApp app) : IClassFixture<InletApp>
{
    private const string HmacSecret = "shop-shared-secret";
    private static readonly byte[] StandardKey = Enumerable.Range(7, 32).Select(i => (byte)i).ToArray();

    private static string HmacHex(string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacSecret), Encoding.UTF8.GetBytes(body)));

    private static (string, string)[] StandardHeaders(string id, DateTimeOffset at, string body)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(StandardKey, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"));
        return [("webhook-id", id), ("webhook-timestamp", timestamp), ("webhook-signature", "v1," + Convert.ToBase64String(signature))];
    }

    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync())["error"]!["code"]!.GetValue<string>();

    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("Inlet-Request-Id").Single();

    private async Task HmacWebhookAsync(string endpoint) => await app.CreateWebhookAsync(Scenario.PointAddDefinition(endpoint, $$"""
        , "verification": { "type": "hmac", "header": "X-Shop-Hmac", "algorithm": "sha256", "encoding": "hex", "prefix": "sha256=", "secret": "{{HmacSecret}}" }
        """));

    [Fact]
    public async Task AnUnsignedRequestToAnHmacWebhookAnswers401AndLogsMissingSignature()
    {
        await HmacWebhookAsync("vf-hmac-unsigned");
        await app.OptInAsync("vf-h-1");

        var response = await app.SendAsync("vf-hmac-unsigned", """{"clientID":"vf-h-1","points":10}""");

        await response.ShouldBeAsync(401);
        var answer = await response.ReadJsonAsync();
        Assert.Equal("verification_failed", answer["error"]!["code"]!.GetValue<string>());
        Assert.Equal("the request could not be verified", answer["error"]!["message"]!.GetValue<string>());
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(response)}");
        Assert.Equal("verification_failed", log["outcome"]!.GetValue<string>());
        Assert.Equal("missing_signature", log["errorCode"]!.GetValue<string>());
        Assert.Equal(0, await app.ScoreAsync("vf-h-1"));
    }

    [Fact]
    public async Task AWrongSignatureAnswers401AndLogsBadSignatureWithTheHeaderRedacted()
    {
        await HmacWebhookAsync("vf-hmac-wrong");
        await app.OptInAsync("vf-h-2");
        var body = """{"clientID":"vf-h-2","points":10}""";
        var forged = "sha256=" + HmacHex("""{"clientID":"vf-h-2","points":1}""");

        var response = await app.SendAsync("vf-hmac-wrong", body, headers: ("X-Shop-Hmac", forged));

        await response.ShouldBeAsync(401);
        Assert.Equal("verification_failed", await ErrorCodeAsync(response));
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(response)}");
        Assert.Equal("bad_signature", log["errorCode"]!.GetValue<string>());
        Assert.DoesNotContain(HmacSecret, log.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("[redacted]", log["headers"]!["x-shop-hmac"]!.GetValue<string>());
        Assert.Equal(0, await app.ScoreAsync("vf-h-2"));
    }

    [Fact]
    public async Task ACorrectlySignedRequestToAnHmacWebhookIsProcessed()
    {
        await HmacWebhookAsync("vf-hmac-signed");
        await app.OptInAsync("vf-h-3");
        var body = """{"clientID":"vf-h-3","points":10}""";

        var response = await app.SendAsync("vf-hmac-signed", body, headers: ("X-Shop-Hmac", "sha256=" + HmacHex(body)));

        await response.ShouldBeAsync(200);
        Assert.Equal(10, await app.ScoreAsync("vf-h-3"));
    }

    [Fact]
    public async Task AStandardWebhooksWebhookAcceptsASignedRequestAndRefusesAReplaySixMinutesOld()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("vf-standard", $$"""
            , "verification": { "type": "standard-webhooks", "secret": "whsec_{{Convert.ToBase64String(StandardKey)}}" }
            """));
        await app.OptInAsync("vf-s-1");
        var body = """{"clientID":"vf-s-1","points":7}""";

        var fresh = await app.SendAsync("vf-standard", body, headers: StandardHeaders("msg_vf_fresh", DateTimeOffset.UtcNow, body));
        var replay = await app.SendAsync("vf-standard", body, headers: StandardHeaders("msg_vf_old", DateTimeOffset.UtcNow.AddMinutes(-6), body));

        await fresh.ShouldBeAsync(200);
        await replay.ShouldBeAsync(401);
        Assert.Equal("verification_failed", await ErrorCodeAsync(replay));
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(replay)}");
        Assert.Equal("timestamp_out_of_tolerance", log["errorCode"]!.GetValue<string>());
        Assert.Equal(7, await app.ScoreAsync("vf-s-1"));
    }

    [Fact]
    public async Task ATokenWebhookWithARotatedSecretAcceptsTheNewAndThePreviousToken()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("vf-token", """
            , "verification": { "type": "token", "header": "X-Inlet-Token", "secret": "token-new-2026", "previousSecret": "token-old-2025" }
            """));
        await app.OptInAsync("vf-t-1");
        var body = """{"clientID":"vf-t-1","points":1}""";

        var withNew = await app.SendAsync("vf-token", body, headers: ("X-Inlet-Token", "token-new-2026"));
        var withPrevious = await app.SendAsync("vf-token", body, headers: ("X-Inlet-Token", "token-old-2025"));
        var withOther = await app.SendAsync("vf-token", body, headers: ("X-Inlet-Token", "token-older-2024"));

        await withNew.ShouldBeAsync(200);
        await withPrevious.ShouldBeAsync(200);
        await withOther.ShouldBeAsync(401);
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(withOther)}");
        Assert.Equal("bad_token", log["errorCode"]!.GetValue<string>());
        Assert.Equal(2, await app.ScoreAsync("vf-t-1"));
    }

    [Fact]
    public async Task TheManualsTokenInAFilterKeepsWorking()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("vf-filter-token", """
            , "filter": {"all": [{"attribute": "headers.x-token", "operator": "equals", "value": "manual-token"}]}
            """));
        await app.OptInAsync("vf-f-1");
        var body = """{"clientID":"vf-f-1","points":3}""";

        var wrong = await app.SendAsync("vf-filter-token", body, headers: ("X-Token", "guess"));
        var right = await app.SendAsync("vf-filter-token", body, headers: ("X-Token", "manual-token"));

        await wrong.ShouldBeAsync(422);
        Assert.Equal("filtered_out", await ErrorCodeAsync(wrong));
        await right.ShouldBeAsync(200);
        Assert.Equal(3, await app.ScoreAsync("vf-f-1"));
    }
}
