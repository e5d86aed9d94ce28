namespace Inlet.Tests.Logs;

/// <summary>Secrets a sender puts in headers never reach the log: not in the headers, not in the filter trace (spec §8).</summary>
public sealed class RedactionTests(InletApp app) : IClassFixture<InletApp>
{
    private async Task<System.Text.Json.Nodes.JsonNode> LogOfAsync(HttpResponseMessage response) =>
        await app.Api().GetJsonAsync($"/api/v1/logs/{response.Headers.GetValues("Inlet-Request-Id").Single()}");

    [Fact]
    public async Task ATokenComparedByAFilterIsRedactedInTheHeadersAndTheTrace()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("red-1",
            """, "filter": {"all": [{"attribute": "headers.x-magic", "operator": "equals", "value": "s3cr3t-value"}]}"""));

        var response = await app.SendAsync("red-1", """{"clientID":"x","points":1}""", headers: ("X-Magic", "a-guess-that-is-close"));

        await response.ShouldBeAsync(422);
        var log = await LogOfAsync(response);
        Assert.Equal("[redacted]", log["headers"]!["x-magic"]!.GetValue<string>());
        var trace = log["filterTrace"]![0]!;
        Assert.Equal(("[redacted]", "[redacted]", false), (trace["actual"]!.GetValue<string>(), trace["expected"]!.GetValue<string>(), trace["result"]!.GetValue<bool>()));
        Assert.DoesNotContain("s3cr3t-value", log.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("a-guess-that-is-close", log.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAWebhookToTellWhichHeadersAreSecretOnlyPlainHeadersAreKept()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("red-2"));

        var response = await app.SendAsync("red-2", """{"clientID":"x","points":1}""", method: "PUT", headers: ("X-Magic", "s3cr3t-value"));

        await response.ShouldBeAsync(405);
        var log = await LogOfAsync(response);
        Assert.Equal("[redacted]", log["headers"]!["x-magic"]!.GetValue<string>());
        Assert.StartsWith("application/json", log["headers"]!["content-type"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
