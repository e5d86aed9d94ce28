using Inlet.Tests.Accounts;

namespace Inlet.Tests.Webhooks;

/// <summary>A webhook's versions compared field by field and restored (spec §7).</summary>
public sealed class VersionTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task RestoringVersionOneAfterTwoChangesMakesTheEndpointBehaveAsVersionOneDid()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ver-restore"));
        await app.OptInAsync("ver-1");
        // Version 2 reads the points from another field; version 3 also filters on a flag the sender never sends.
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("ver-restore").Replace("\"from\": \"points\"", "\"from\": \"amount\""))).ShouldBeAsync(200);
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("ver-restore",
            """, "filter": {"attribute": "body.vip", "operator": "exists"}"""))).ShouldBeAsync(200);
        await (await app.SendAsync("ver-restore", """{"clientID":"ver-1","points":5}""")).ShouldBeAsync(422);

        var restored = await api.PostAsync($"/api/v1/webhooks/{id}/versions/1/restore", null, TestContext.Current.CancellationToken);

        await restored.ShouldBeAsync(200);
        Assert.Equal(4, (await restored.ReadJsonAsync())["version"]!.GetValue<int>());
        Assert.Equal("\"4\"", restored.Headers.ETag?.Tag);
        await (await app.SendAsync("ver-restore", """{"clientID":"ver-1","points":5}""")).ShouldBeAsync(200);
        Assert.Equal(5, await app.ScoreAsync("ver-1"));
        var sinceVersionOne = await api.GetJsonAsync($"/api/v1/webhooks/{id}/diff?from=1&to=4");
        Assert.Empty(sinceVersionOne["changes"]!.AsArray());
    }

    [Fact]
    public async Task TheDifferenceBetweenTwoVersionsNamesEachChangedFieldWithItsValueBeforeAndAfter()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ver-diff"), activate: false);
        var changed = Scenario.PointAddDefinition("ver-diff", """, "filter": {"attribute": "body.vip", "operator": "exists"}""")
            .Replace("\"from\": \"points\"", "\"from\": \"amount\"").Replace("Points ver-diff", "VIP points");
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", changed)).ShouldBeAsync(200);

        var diff = await api.GetJsonAsync($"/api/v1/webhooks/{id}/diff");

        Assert.Equal(1, diff["from"]!.GetValue<int>());
        Assert.Equal(2, diff["to"]!.GetValue<int>());
        var changes = diff["changes"]!.AsArray().ToDictionary(c => c!["field"]!.GetValue<string>(), c => (c!["before"]?.ToJsonString(), c["after"]?.ToJsonString()));
        Assert.Equal(("\"Points ver-diff\"", "\"VIP points\""), changes["name"]);
        Assert.Equal(("\"points\"", "\"amount\""), changes["mappings[1].from"]);
        Assert.Equal((null, "\"body.vip\""), changes["filter.attribute"]);
        Assert.Equal((null, "\"exists\""), changes["filter.operator"]);
        Assert.Equal(4, changes.Count);
    }

    [Fact]
    public async Task AChangedSecretShowsMaskedInTheDifferenceAndRestoringBringsTheOldSecretBack()
    {
        var api = app.Api();
        var definition = (string secret) => Scenario.PointAddDefinition("ver-secret",
            $$""", "verification": {"type": "token", "header": "X-Token", "secret": "{{secret}}"}""");
        var id = await app.CreateWebhookAsync(definition("first-secret-1111"));
        await app.OptInAsync("ver-s");
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", definition("second-secret-2222"))).ShouldBeAsync(200);

        var diff = await api.GetJsonAsync($"/api/v1/webhooks/{id}/diff");
        var change = Assert.Single(diff["changes"]!.AsArray());
        Assert.Equal("verification.secret", change!["field"]!.GetValue<string>());
        Assert.Equal("****1111", change["before"]!.GetValue<string>());
        Assert.Equal("****2222", change["after"]!.GetValue<string>());

        await (await api.PostAsync($"/api/v1/webhooks/{id}/versions/1/restore", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await (await app.SendAsync("ver-secret", """{"clientID":"ver-s","points":1}""", headers: ("X-Token", "second-secret-2222"))).ShouldBeAsync(401);
        await (await app.SendAsync("ver-secret", """{"clientID":"ver-s","points":1}""", headers: ("X-Token", "first-secret-1111"))).ShouldBeAsync(200);
    }

    [Fact]
    public async Task ARestoreFromAStaleReadOrOfAVersionThatDoesNotExistIsRefusedAndSavesNothing()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ver-stale"), activate: false);
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("ver-stale").Replace("Points", "Renamed"))).ShouldBeAsync(200);

        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/webhooks/{id}/versions/1/restore") { Headers = { { "If-Match", "\"1\"" } } };
        var refused = await api.SendAsync(stale, TestContext.Current.CancellationToken);
        await refused.ShouldBeAsync(412);
        Assert.Equal("version_mismatch", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());

        var missing = await api.PostAsync($"/api/v1/webhooks/{id}/versions/9/restore", null, TestContext.Current.CancellationToken);
        await missing.ShouldBeAsync(404);
        var noSuchDiff = await api.GetAsync($"/api/v1/webhooks/{id}/diff?from=7", TestContext.Current.CancellationToken);
        await noSuchDiff.ShouldBeAsync(404);
        Assert.Contains("there is no version 7", (await noSuchDiff.ReadJsonAsync())["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, (await api.GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task AnotherAccountsWebhookVersionsCannotBeComparedOrRestored()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("ver-tenant"), activate: false);
        var other = app.Api(await NewAccounts.CreateAsync(app, "ver-other"));

        await (await other.GetAsync($"/api/v1/webhooks/{id}/diff?from=1&to=1", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await other.PostAsync($"/api/v1/webhooks/{id}/versions/1/restore", null, TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        Assert.Equal(1, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());
    }
}
