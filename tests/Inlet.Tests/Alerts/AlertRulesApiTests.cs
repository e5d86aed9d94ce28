using Inlet.Tests.Accounts;

namespace Inlet.Tests.Alerts;

/// <summary>Alert rules through <c>/api/v1/alerts</c>: saved, read, replaced, deleted, refused with a reason per field, and private to their account.</summary>
public sealed class AlertRulesApiTests(AlertsApp app) : IClassFixture<AlertsApp>
{
    [Fact]
    public async Task ARuleIsCreatedReadReplacedAndDeleted()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ar-crud"));
        var id = await app.CreateRuleAsync($$"""
            { "name": "Shop failures", "webhookId": "{{webhook}}",
              "condition": { "kind": "failure_rate", "threshold": 0.2, "windowMinutes": 5, "minRequests": 10 }, "notify": { "url": "https://hooks.example.com/a" } }
            """);

        var read = await app.Api().GetJsonAsync($"/api/v1/alerts/{id}");
        Assert.Equal("Shop failures", read["name"]!.GetValue<string>());
        Assert.Equal(webhook, read["webhookId"]!.GetValue<string>());
        Assert.Equal(0.2, read["condition"]!["threshold"]!.GetValue<double>());
        Assert.Equal(10, read["condition"]!["minRequests"]!.GetValue<int>());
        Assert.Equal("https://hooks.example.com/a", read["notify"]!["url"]!.GetValue<string>());
        Assert.Contains((await app.Api().GetJsonAsync("/api/v1/alerts")).AsArray(), r => r!["id"]!.GetValue<string>() == id);

        var replaced = await app.Api().PutJsonAsync($"/api/v1/alerts/{id}", """
            { "name": "Quiet shop", "condition": { "kind": "silence", "windowMinutes": 60 }, "notify": { "url": "https://hooks.example.com/b" } }
            """);
        await replaced.ShouldBeAsync(200);
        var now = await replaced.ReadJsonAsync();
        Assert.Null(now["webhookId"]);
        Assert.Equal("silence", now["condition"]!["kind"]!.GetValue<string>());
        Assert.Null(now["condition"]!["threshold"]);

        await (await app.Api().DeleteAsync($"/api/v1/alerts/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(204);
        await (await app.Api().GetAsync($"/api/v1/alerts/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await app.Api().DeleteAsync($"/api/v1/alerts/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }

    [Fact]
    public async Task ARuleWithFaultsIsRefusedWithEveryFaultByField()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/alerts", """
            { "name": " ", "webhookId": "wh_nope", "condition": { "kind": "failure_rate", "threshold": 1.5, "windowMinutes": 1441, "minRequests": 0 },
              "notify": { "url": "ftp://example.com/x" } }
            """);

        await answer.ShouldBeAsync(400);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("invalid_alert_rule", problem["code"]!.GetValue<string>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["condition.minRequests", "condition.threshold", "condition.windowMinutes", "name", "notify.url", "webhookId"], errors.Select(e => e.Key).Order());
        Assert.Contains("more than 0 and at most 1", errors["condition.threshold"]![0]!.GetValue<string>());
        Assert.Contains("from 1 to 1440", errors["condition.windowMinutes"]![0]!.GetValue<string>());
        Assert.Contains("not one of this account's webhooks", errors["webhookId"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "kind": "failure_rate", "threshold": 0, "windowMinutes": 5 }""", "condition.threshold")]
    [InlineData("""{ "kind": "failure_rate", "windowMinutes": 5 }""", "condition.threshold")]
    [InlineData("""{ "kind": "failure_rate", "threshold": 0.5, "windowMinutes": 0 }""", "condition.windowMinutes")]
    [InlineData("""{ "kind": "silence", "windowMinutes": 60, "threshold": 0.5 }""", "condition.threshold")]
    [InlineData("""{ "kind": "latency", "windowMinutes": 5 }""", "condition.kind")]
    public async Task AConditionOutOfBoundsIsRefusedNamingItsField(string condition, string field)
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/alerts",
            $$"""{ "name": "Bounds", "condition": {{condition}}, "notify": { "url": "https://hooks.example.com/x" } }""");

        await answer.ShouldBeAsync(400);
        Assert.Equal([field], (await answer.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task AnotherAccountNeitherSeesNorChangesNorDeletesTheRules()
    {
        var id = await app.CreateRuleAsync("""
            { "name": "Mine", "condition": { "kind": "silence", "windowMinutes": 60 }, "notify": { "url": "https://hooks.example.com/mine" } }
            """);
        var other = app.Api(await NewAccounts.CreateAsync(app, "alerts-other"));

        Assert.Empty((await other.GetJsonAsync("/api/v1/alerts")).AsArray());
        await (await other.GetAsync($"/api/v1/alerts/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await other.PutJsonAsync($"/api/v1/alerts/{id}", """
            { "name": "Theirs", "condition": { "kind": "silence", "windowMinutes": 5 }, "notify": { "url": "https://evil.example.com/" } }
            """)).ShouldBeAsync(404);
        await (await other.DeleteAsync($"/api/v1/alerts/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        // Nor may it watch the demo account's webhooks.
        var demoWebhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ar-private"));
        var watching = await other.PostJsonAsync("/api/v1/alerts", $$"""
            { "name": "Spy", "webhookId": "{{demoWebhook}}", "condition": { "kind": "silence", "windowMinutes": 5 }, "notify": { "url": "https://evil.example.com/" } }
            """);
        await watching.ShouldBeAsync(400);

        Assert.Equal("Mine", (await app.Api().GetJsonAsync($"/api/v1/alerts/{id}"))["name"]!.GetValue<string>());
    }
}

/// <summary>Notification URLs on a store whose operator has not allowed plain http.</summary>
public sealed class AlertUrlTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnHttpNotificationUrlIsRefusedUnlessTheOperatorAllowsIt()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/alerts", """
            { "name": "Plain", "condition": { "kind": "silence", "windowMinutes": 60 }, "notify": { "url": "http://hooks.example.com/x" } }
            """);

        await answer.ShouldBeAsync(400);
        Assert.Contains("Inlet:Alerts:AllowHttp=true", (await answer.ReadJsonAsync())["errors"]!["notify.url"]![0]!.GetValue<string>());
    }
}
