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

    [Fact]
    public async Task BodyPathsAWebhookMasksNeverReachTheLogAndSuchARequestIsNotReplayed()
    {
        await app.CreateWebhookAsync("""
            { "name": "Masked", "method": "POST", "endpoint": "red-3", "action": "point_add", "redactBodyPaths": ["email"],
              "filter": {"all": [{"attribute": "body.email", "operator": "contains", "value": "@"}]},
              "mappings": [ {"from": "clientID", "to": "customer"}, {"from": "points", "to": "data.points"}, {"from": "email", "to": "data.reason"} ] }
            """);

        var response = await app.SendAsync("red-3", """{"clientID":"not-enrolled","points":1,"email":"jane@example.com"}""");

        await response.ShouldBeAsync(422);
        var log = await LogOfAsync(response);
        Assert.Contains("\"email\":\"[redacted]\"", log["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", log.ToJsonString(), StringComparison.Ordinal);
        var replay = await app.Api().PostAsync($"/api/v1/logs/{log["id"]!.GetValue<string>()}/replay", null, TestContext.Current.CancellationToken);
        await replay.ShouldBeAsync(409);
    }
}
