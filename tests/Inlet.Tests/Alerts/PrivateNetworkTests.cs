namespace Inlet.Tests.Alerts;

/// <summary>By default a notification URL cannot make the node call an address of its own network.</summary>
public sealed class PrivateNetworkTests(PublicOnlyAlertsApp app) : IClassFixture<PublicOnlyAlertsApp>
{
    [Theory]
    [InlineData("http://10.0.0.5/hook", "10.0.0.5")]
    [InlineData("http://169.254.169.254/latest/meta-data", "169.254.169.254")]
    [InlineData("http://[::1]:8080/hook", "::1")]
    public async Task ARuleNotifyingAPrivateAddressIsRefusedWithTheSetting(string url, string address)
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/alerts", $$"""
            { "name": "Inside", "condition": { "kind": "silence", "windowMinutes": 60 }, "notify": { "url": "{{url}}" } }
            """);

        await answer.ShouldBeAsync(400);
        Assert.Equal($"{address} is a private address: notifications go to private networks only when the operator sets Inlet:Alerts:AllowPrivateNetworks=true",
            (await answer.ReadJsonAsync())["errors"]!["notify.url"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task ANameThatResolvesToAPrivateAddressIsNotCalledAndTheAttemptSaysWhy()
    {
        await using var receiver = await Receiver.StartAsync();
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("pn-local"));
        var rule = await app.CreateRuleAsync($$"""
            { "name": "pn-local", "webhookId": "{{webhook}}", "condition": { "kind": "failure_rate", "threshold": 1, "windowMinutes": 5 },
              "notify": { "url": "{{receiver.Url.Replace("127.0.0.1", "localhost")}}" } }
            """);
        await (await app.SendAsync("pn-local", """{"clientID":""")).ShouldBeAsync(400);

        await app.EvaluateAsync();

        Assert.Equal(0, receiver.Requests);
        var attempts = await app.SqlAsync("""
            SELECT d."Error", i."FiringNotice" FROM "AlertDeliveries" AS d JOIN "AlertIncidents" AS i ON i."Id" = d."IncidentId" WHERE i."RuleId" = @rule
            """, ("rule", rule));
        // Refused once, not retried: a private address stays private.
        var attempt = Assert.Single(attempts);
        Assert.Contains("localhost is a private address", (string)attempt[0]!);
        Assert.Equal("failed", attempt[1]);
    }
}
