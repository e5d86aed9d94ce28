using System.Text.Json.Nodes;

namespace Inlet.Tests.Samples;

/// <summary>Saved samples guard a webhook's saves: a change that breaks a case that worked is known before it is served.</summary>
public sealed class SampleTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ASaveThatChangesOneOfThreeSamplesIsRefusedNamingItUnlessTheChangeIsAccepted()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("smp-guard"));
        await SaveSampleAsync(id, "small", """{"clientID":"ana","points":10}""");
        await SaveSampleAsync(id, "large", """{"clientID":"ben","points":500}""");
        await SaveSampleAsync(id, "no customer", """{"points":10}""");
        var onlySmall = Scenario.PointAddDefinition("smp-guard", """, "filter": {"attribute": "body.points", "operator": "less_than", "value": 100}""");

        var refused = await api.PutJsonAsync($"/api/v1/webhooks/{id}", onlySmall);

        await refused.ShouldBeAsync(409);
        var problem = await refused.ReadJsonAsync();
        Assert.Equal("samples_changed", problem["code"]!.GetValue<string>());
        var change = Assert.Single(problem["samples"]!.AsArray())!;
        Assert.Equal("large", change["name"]!.GetValue<string>());
        Assert.Equal("processed", change["before"]!["outcome"]!.GetValue<string>());
        Assert.Equal("ben", change["before"]!["event"]!["customer"]!.GetValue<string>());
        Assert.Equal("filtered_out", change["after"]!["outcome"]!.GetValue<string>());
        Assert.Equal(1, (await api.GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());

        var accepted = await api.PutJsonAsync($"/api/v1/webhooks/{id}?acceptSampleChanges=true", onlySmall);

        await accepted.ShouldBeAsync(200);
        Assert.Equal(2, (await accepted.ReadJsonAsync())["version"]!.GetValue<int>());
        var samples = (await api.GetJsonAsync($"/api/v1/webhooks/{id}/samples")).AsArray().ToDictionary(s => s!["name"]!.GetValue<string>());
        Assert.Equal("filtered_out", samples["large"]!["expected"]!["outcome"]!.GetValue<string>());
        Assert.Equal("processed", samples["small"]!["expected"]!["outcome"]!.GetValue<string>());
        Assert.Equal("invalid_event", samples["no customer"]!["expected"]!["outcome"]!.GetValue<string>());
        // The samples now expect what version 2 does: the same definition saves again without a word.
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", onlySmall)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task ASampleSavedFromALoggedRequestExpectsTheEventItGave()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("smp-log"));
        await app.OptInAsync("smp-l-1");
        var sent = await app.SendAsync("smp-log", """{"clientID":"smp-l-1","points":"25"}""");
        await sent.ShouldBeAsync(200);
        var logId = sent.Headers.GetValues("Inlet-Request-Id").Single();

        var saved = await api.PostJsonAsync($"/api/v1/webhooks/{id}/samples", $$"""{"name":"from the log","logId":"{{logId}}"}""");

        await saved.ShouldBeAsync(201);
        var sample = await saved.ReadJsonAsync();
        Assert.Equal("processed", sample["expected"]!["outcome"]!.GetValue<string>());
        Assert.Equal("smp-l-1", sample["expected"]!["event"]!["customer"]!.GetValue<string>());
        Assert.Equal("point_add", sample["expected"]!["event"]!["action"]!.GetValue<string>());
        Assert.Equal("""{"clientID":"smp-l-1","points":"25"}""", sample["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARestoreThatWouldChangeASampleIsRefusedToo()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("smp-restore"));
        await (await api.PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("smp-restore").Replace("\"from\": \"points\"", "\"from\": \"amount\""))).ShouldBeAsync(200);
        await SaveSampleAsync(id, "amount", """{"clientID":"cy","amount":3}""");

        var refused = await api.PostAsync($"/api/v1/webhooks/{id}/versions/1/restore", null, TestContext.Current.CancellationToken);

        await refused.ShouldBeAsync(409);
        Assert.Equal("samples_changed", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        await (await api.PostAsync($"/api/v1/webhooks/{id}/versions/1/restore?acceptSampleChanges=true", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task SamplesNeedAUniqueNameAndABodyAndCanBeDeleted()
    {
        var api = app.Api();
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("smp-crud"), activate: false);
        var sampleId = await SaveSampleAsync(id, "one", """{"clientID":"dee","points":1}""");

        var twice = await api.PostJsonAsync($"/api/v1/webhooks/{id}/samples", """{"name":"one","body":{"points":2}}""");
        await twice.ShouldBeAsync(409);
        Assert.Equal("sample_name_taken", (await twice.ReadJsonAsync())["code"]!.GetValue<string>());
        var nameless = await api.PostJsonAsync($"/api/v1/webhooks/{id}/samples", """{"body":{"points":2}}""");
        await nameless.ShouldBeAsync(400);
        Assert.Equal("invalid_sample", (await nameless.ReadJsonAsync())["code"]!.GetValue<string>());
        await (await api.PostJsonAsync($"/api/v1/webhooks/{id}/samples", """{"name":"unknown log","logId":"req_nope"}""")).ShouldBeAsync(404);

        await (await api.DeleteAsync($"/api/v1/webhooks/{id}/samples/{sampleId}", TestContext.Current.CancellationToken)).ShouldBeAsync(204);
        Assert.Empty((await api.GetJsonAsync($"/api/v1/webhooks/{id}/samples")).AsArray());
        await (await api.DeleteAsync($"/api/v1/webhooks/{id}/samples/{sampleId}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }

    [Fact]
    public async Task ASamplesCredentialsAreKeptRedactedAsTheLogKeepsThem()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("smp-secret"), activate: false);

        var saved = await app.Api().PostJsonAsync($"/api/v1/webhooks/{id}/samples",
            """{"name":"with a token","headers":{"Authorization":"Bearer s3cret","X-Source":"shop"},"body":{"clientID":"eve","points":1}}""");

        await saved.ShouldBeAsync(201);
        var headers = (await saved.ReadJsonAsync())["headers"]!;
        Assert.Equal("[redacted]", headers["authorization"]!.GetValue<string>());
        Assert.Equal("shop", headers["x-source"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}/samples")).ToJsonString(), StringComparison.Ordinal);
    }

    private async Task<string> SaveSampleAsync(string webhookId, string name, string body)
    {
        var saved = await app.Api().PostJsonAsync($"/api/v1/webhooks/{webhookId}/samples", new JsonObject { ["name"] = name, ["body"] = JsonNode.Parse(body) }.ToJsonString());
        await saved.ShouldBeAsync(201);
        return (await saved.ReadJsonAsync())["id"]!.GetValue<string>();
    }
}
