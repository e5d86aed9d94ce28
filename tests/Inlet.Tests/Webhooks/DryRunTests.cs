namespace Inlet.Tests.Webhooks;

public sealed class DryRunTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnUnsavedDefinitionShowsTheEventAndTheBalancesItWouldMoveWithoutStoringAnything()
    {
        await app.OptInAsync("dry-1");

        var response = await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", """
            { "definition": {"blueprint": "point-add"},
              "request": { "headers": {}, "body": {"clientID":"dry-1","pointstobeadded":"40","pointadd":true} } }
            """);

        await response.ShouldBeAsync(200);
        var result = await response.ReadJsonAsync();
        Assert.Equal(("processed", 200), (result["outcome"]!.GetValue<string>(), result["status"]!.GetValue<int>()));
        Assert.Equal((0L, 40L), (result["before"]!["score"]!.GetValue<long>(), result["after"]!["score"]!.GetValue<long>()));
        Assert.Equal(40, result["event"]!["data"]!["points"]!.GetValue<long>());
        Assert.True(result["filterTrace"]![0]!["result"]!.GetValue<bool>());
        Assert.Equal("""{"ok":true}""", result["response"]!.GetValue<string>());
        Assert.Equal(0, await app.ScoreAsync("dry-1"));
    }

    [Fact]
    public async Task ADryRunExplainsAFilterMismatchAndARejection()
    {
        var filtered = await (await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", """
            { "definition": {"blueprint": "point-add"}, "request": { "body": {"clientID":"dry-2","pointstobeadded":"5"} } }
            """)).ReadJsonAsync();
        var rejected = await (await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", """
            { "definition": {"blueprint": "point-add"}, "request": { "body": {"clientID":"nobody-here","pointstobeadded":"5","pointadd":1} } }
            """)).ReadJsonAsync();

        Assert.Equal("filtered_out", filtered["outcome"]!.GetValue<string>());
        Assert.False(filtered["filterTrace"]![0]!["result"]!.GetValue<bool>());
        Assert.Equal(("rejected", "customer_not_found", 422), (rejected["outcome"]!.GetValue<string>(), rejected["errorCode"]!.GetValue<string>(), rejected["status"]!.GetValue<int>()));
    }

    [Fact]
    public async Task ADryRunOfAnInvalidDefinitionListsItsFaults()
    {
        var result = await (await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", """
            { "definition": {"blueprint": "point-add", "response": {"success": "{'ok':true}"}}, "request": { "body": {} } }
            """)).ReadJsonAsync();

        Assert.Equal("invalid_definition", result["outcome"]!.GetValue<string>());
        Assert.Equal("response.success", result["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ALoggedRequestCanBeRunAgainThroughTheCurrentVersion()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("dry-log"));
        var sent = await app.SendAsync("dry-log", """{"clientID":"not-yet-member","points":3}""");
        await sent.ShouldBeAsync(422);
        await app.OptInAsync("not-yet-member");

        var result = await (await app.Api().PostJsonAsync($"/api/v1/webhooks/{id}/dry-run",
            $$"""{"logId": "{{sent.Headers.GetValues("Inlet-Request-Id").Single()}}"}""")).ReadJsonAsync();

        Assert.Equal("processed", result["outcome"]!.GetValue<string>());
        Assert.Equal(3, result["after"]!["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task TestHeadersThatDifferOnlyByCaseAreOneHeader()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", """
            { "definition": {"blueprint": "point-add", "filter": {"all": [{"attribute": "headers.x-source", "operator": "equals", "value": "b"}]}},
              "request": { "headers": {"X-Source": "a", "x-source": "b"}, "body": {"clientID":"nobody","pointstobeadded":"1"} } }
            """);

        await response.ShouldBeAsync(200);
        Assert.True((await response.ReadJsonAsync())["filterTrace"]![0]!["result"]!.GetValue<bool>());
    }
}
