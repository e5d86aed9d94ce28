namespace Inlet.Tests.Webhooks;

/// <summary>inactive (on create) ⇄ active; inactive → archived, irreversible, read-only, endpoint freed (spec §5).</summary>
public sealed class LifecycleTests(InletApp app) : IClassFixture<InletApp>
{
    private Task<HttpResponseMessage> Post(string url) => app.Api().PostAsync(url, null, TestContext.Current.CancellationToken);

    [Fact]
    public async Task ANewWebhookAnswers503UntilActivatedAndAgainOnceDeactivated()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-1"), activate: false);
        await app.OptInAsync("life-1");
        const string payload = """{"clientID":"life-1","points":2}""";

        await (await app.SendAsync("life-1", payload)).ShouldBeAsync(503);
        await (await Post($"/api/v1/webhooks/{id}/activate")).ShouldBeAsync(200);
        await (await app.SendAsync("life-1", payload)).ShouldBeAsync(200);
        await (await Post($"/api/v1/webhooks/{id}/deactivate")).ShouldBeAsync(200);
        await (await app.SendAsync("life-1", payload)).ShouldBeAsync(503);

        Assert.Equal(2, await app.ScoreAsync("life-1"));
    }

    [Fact]
    public async Task OnlyAnInactiveWebhookCanBeArchived()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-2"));

        var refused = await Post($"/api/v1/webhooks/{id}/archive");

        await refused.ShouldBeAsync(409);
        Assert.Equal("illegal_transition", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        await (await Post($"/api/v1/webhooks/{id}/deactivate")).ShouldBeAsync(200);
        var archived = await Post($"/api/v1/webhooks/{id}/archive");
        await archived.ShouldBeAsync(200);
        Assert.Equal("archived", (await archived.ReadJsonAsync())["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnArchivedWebhookAnswers410IsReadOnlyAndHiddenFromTheDefaultList()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-3"), activate: false);
        await (await Post($"/api/v1/webhooks/{id}/archive")).ShouldBeAsync(200);

        await (await app.SendAsync("life-3", """{"clientID":"x","points":1}""")).ShouldBeAsync(410);
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("life-3"))).ShouldBeAsync(409);
        await (await Post($"/api/v1/webhooks/{id}/activate")).ShouldBeAsync(409);
        var listed = await app.Api().GetJsonAsync("/api/v1/webhooks");
        Assert.DoesNotContain(listed.AsArray(), w => w!["id"]!.GetValue<string>() == id);
        var archived = await app.Api().GetJsonAsync("/api/v1/webhooks?status=archived");
        Assert.Contains(archived.AsArray(), w => w!["id"]!.GetValue<string>() == id);
    }

    [Fact]
    public async Task ArchivingFreesTheEndpointForANewWebhook()
    {
        var first = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-4"), activate: false);
        var taken = await app.Api().PostJsonAsync("/api/v1/webhooks", Scenario.PointAddDefinition("life-4"));
        await taken.ShouldBeAsync(409);
        Assert.Equal("endpoint_taken", (await taken.ReadJsonAsync())["code"]!.GetValue<string>());

        await (await Post($"/api/v1/webhooks/{first}/archive")).ShouldBeAsync(200);
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-4"));
        await app.OptInAsync("life-4");

        await (await app.SendAsync("life-4", """{"clientID":"life-4","points":4}""")).ShouldBeAsync(200);
        Assert.Equal(4, await app.ScoreAsync("life-4"));
    }

    [Fact]
    public async Task ReplacingADefinitionCreatesANewVersionGuardedByIfMatch()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-5"));
        await app.OptInAsync("life-5");
        var api = app.Api();

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = Http.Json(Scenario.PointAddDefinition("life-5")) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"7\"");
        await (await api.SendAsync(stale, TestContext.Current.CancellationToken)).ShouldBeAsync(412);

        using var current = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}")
        {
            Content = Http.Json(Scenario.PointAddDefinition("life-5").Replace("clientID", "who", StringComparison.Ordinal)),
        };
        current.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var replaced = await api.SendAsync(current, TestContext.Current.CancellationToken);
        await replaced.ShouldBeAsync(200);
        Assert.Equal(2, (await replaced.ReadJsonAsync())["version"]!.GetValue<int>());

        await (await app.SendAsync("life-5", """{"who":"life-5","points":9}""")).ShouldBeAsync(200);
        var latest = (await api.GetJsonAsync("/api/v1/customers/life-5/events"))["items"]![0]!;
        Assert.Equal($"webhook:{id}@v2", latest["source"]!.GetValue<string>());
        var versions = await api.GetJsonAsync($"/api/v1/webhooks/{id}/versions");
        Assert.Equal([2, 1], versions.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        var first = await api.GetJsonAsync($"/api/v1/webhooks/{id}/versions/1");
        Assert.Equal("clientID", first["definition"]!["mappings"]![0]!["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInvalidDefinitionIsRefusedWithEveryFaultByField()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", """
            { "name": "", "method": "GET", "endpoint": "bad endpoint", "action": "point_add",
              "filter": {"all": [{"attribute": "body.x", "operator": "matches", "value": "(["}]},
              "mappings": [{"from": "points", "to": "data.points"}],
              "response": {"success": "{'ok':true}"} }
            """);

        await response.ShouldBeAsync(400);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Equal(["endpoint", "filter.all[0].value", "mappings", "method", "name", "response.success"], errors.Select(e => e.Key).Order());
        Assert.Contains("write {\"ok\":true}", errors["response.success"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherAccountsWebhookIdAnswers404()
    {
        await (await app.Api().GetAsync("/api/v1/webhooks/wh_doesnotexist", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await Post("/api/v1/webhooks/wh_doesnotexist/activate")).ShouldBeAsync(404);
    }

    [Fact]
    public async Task ADefinitionNamingAFieldTwiceIsRefused()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", """{"name": "a", "name": "b"}""");

        await response.ShouldBeAsync(400);
    }

    [Fact]
    public async Task ConcurrentSavesEachGetAVersionOrA412AndNoVersionIsLost()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("life-race"), activate: false);

        var saves = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("life-race").Replace("Points life-race", $"Save {i}", StringComparison.Ordinal))));

        Assert.All(saves, s => Assert.Contains((int)s.StatusCode, new[] { 200, 412 }));
        var saved = saves.Count(s => (int)s.StatusCode == 200);
        var versions = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}/versions");
        Assert.Equal(Enumerable.Range(1, saved + 1).Reverse(), versions.AsArray().Select(v => v!["version"]!.GetValue<int>()));
        Assert.Equal(saved + 1, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());
    }
}
