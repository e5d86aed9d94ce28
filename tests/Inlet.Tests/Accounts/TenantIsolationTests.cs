namespace Inlet.Tests.Accounts;

/// <summary>A second account's key can neither read, change nor list the first account's webhooks, logs or members.</summary>
public sealed class TenantIsolationTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnotherAccountsKeyCannotChangeOrListTheFirstAccountsData()
    {
        var webhookId = await app.CreateWebhookAsync(Scenario.PointAddDefinition("iso-1"));
        await app.OptInAsync("iso-member");
        var sent = await app.SendAsync("iso-1", """{"clientID":"iso-member","points":5}""");
        await sent.ShouldBeAsync(200);
        var logId = sent.Headers.GetValues("Inlet-Request-Id").Single();
        var other = app.Api(await NewAccounts.CreateAsync(app, "iso-other"));
        var ct = TestContext.Current.CancellationToken;

        await (await other.PutJsonAsync($"/api/v1/webhooks/{webhookId}", Scenario.PointAddDefinition("iso-1"))).ShouldBeAsync(404);
        await (await other.PostAsync($"/api/v1/webhooks/{webhookId}/deactivate", null, ct)).ShouldBeAsync(404);
        await (await other.GetAsync($"/api/v1/webhooks/{webhookId}/versions", ct)).ShouldBeAsync(404);
        await (await other.PostJsonAsync($"/api/v1/webhooks/{webhookId}/dry-run", """{"body":{}}""")).ShouldBeAsync(404);
        await (await other.GetAsync($"/api/v1/logs/{logId}", ct)).ShouldBeAsync(404);
        Assert.Empty((await other.GetJsonAsync("/api/v1/logs"))["items"]!.AsArray());
        Assert.Empty((await other.GetJsonAsync("/api/v1/webhooks?status=all")).AsArray());
        await (await other.GetAsync("/api/v1/customers/iso-member/events", ct)).ShouldBeAsync(404);

        Assert.Equal("active", (await app.Api().GetJsonAsync($"/api/v1/webhooks/{webhookId}"))["status"]!.GetValue<string>());
        Assert.Equal(5, await app.ScoreAsync("iso-member"));
    }

    [Fact]
    public async Task AnEventSentWithAnotherAccountsKeyLandsInThatAccountOnly()
    {
        await app.OptInAsync("iso-shared-id");
        var other = app.Api(await NewAccounts.CreateAsync(app, "iso-second"));
        await (await other.PostJsonAsync("/api/v1/events", """{"customer":"iso-shared-id","action":"opt_in","data":{}}""")).ShouldBeAsync(201);

        await (await other.PostJsonAsync("/api/v1/events", """{"customer":"iso-shared-id","action":"point_add","data":{"points":7}}""")).ShouldBeAsync(201);

        Assert.Equal(0, await app.ScoreAsync("iso-shared-id"));
        Assert.Equal(7, (await other.GetJsonAsync("/api/v1/customers/iso-shared-id"))["balances"]!["score"]!.GetValue<long>());
    }
}
