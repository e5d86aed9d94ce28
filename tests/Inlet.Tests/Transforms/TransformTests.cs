using System.Text.Json.Nodes;

namespace Inlet.Tests.Transforms;

/// <summary>A webhook's JavaScript transform, through HTTP: it reshapes, drops, fails clearly, and is logged.</summary>
public sealed class TransformTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ATransformReshapesABodySoTheManualsPointAddMappingApplies()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform("""{"blueprint":"point-add","endpoint":"tf-reshape"}""", """
            function transform(request) {
              const amount = parseInt(request.body.order.total.replace(/[^0-9]/g, ''), 10);
              return { clientID: request.body.order.customer.id, pointstobeadded: String(amount), pointadd: true };
            }
            """));
        await app.OptInAsync("tf-member");

        var sent = await app.SendAsync("tf-reshape", """{"order":{"customer":{"id":"tf-member"},"total":"€42"}}""");

        await sent.ShouldBeAsync(200);
        Assert.Equal(42, await app.ScoreAsync("tf-member"));
        var log = await LogOfAsync(sent);
        Assert.Equal("processed", log["outcome"]!.GetValue<string>());
        Assert.Equal("""{"order":{"customer":{"id":"tf-member"},"total":"€42"}}""", log["body"]!.GetValue<string>());
        Assert.Equal("""{"clientID":"tf-member","pointstobeadded":"42","pointadd":true}""", log["transformedBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task ATransformReadsTheQueryAndAReplayGivesItTheSameRequestLine()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("tf-query"), """
            function transform(request) {
              return { clientID: request.query.customer, points: request.method === 'POST' && request.path.endsWith('/tf-query') ? 9 : 1 };
            }
            """));
        var rejected = await app.SendAsync("tf-query?customer=tf-query-1", "{}");
        await rejected.ShouldBeAsync(422);
        await app.OptInAsync("tf-query-1");

        var replayed = await app.Api().PostAsync($"/api/v1/logs/{rejected.Headers.GetValues("Inlet-Request-Id").Single()}/replay", null,
            TestContext.Current.CancellationToken);

        await replayed.ShouldBeAsync(201);
        Assert.Equal(9, await app.ScoreAsync("tf-query-1"));
    }

    [Fact]
    public async Task ATransformThatReturnsNullDropsTheRequestWith200AndNoEvent()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("tf-drop"), """
            function transform(request) { return request.headers['x-test'] === 'yes' ? null : request.body; }
            """));
        await app.OptInAsync("tf-dropped");

        var dropped = await app.SendAsync("tf-drop", """{"clientID":"tf-dropped","points":5}""", headers: ("X-Test", "yes"));
        var kept = await app.SendAsync("tf-drop", """{"clientID":"tf-dropped","points":7}""");

        await dropped.ShouldBeAsync(200);
        Assert.Equal("dropped", (await dropped.ReadJsonAsync())["status"]!.GetValue<string>());
        await kept.ShouldBeAsync(200);
        Assert.Equal(7, await app.ScoreAsync("tf-dropped"));
        var log = await LogOfAsync(dropped);
        Assert.Equal(("dropped", "null"), (log["outcome"]!.GetValue<string>(), log["transformedBody"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AThrowAnswers422TransformFailedWithTheLineAndColumnInTheLog()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("tf-throw"), """
            function transform(request) {
              if (!request.body.clientID) {
                throw new Error('no client id');
              }
              return request.body;
            }
            """));

        var sent = await app.SendAsync("tf-throw", """{"points":5}""");

        await sent.ShouldBeAsync(422);
        var error = (await sent.ReadJsonAsync())["error"]!;
        Assert.Equal("transform_failed", error["code"]!.GetValue<string>());
        var log = await LogOfAsync(sent);
        Assert.Equal("transform_failed", log["outcome"]!.GetValue<string>());
        Assert.Matches("no client id.*line 3, column", log["errorMessage"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnEndlessLoopIsStoppedByTheTimeLimitAndTheNodeKeepsAnswering()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("tf-loop"), "function transform(request) { while (true) {} }"));
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("tf-neighbour"));
        await app.OptInAsync("tf-neighbour-1");

        var looping = Enumerable.Range(0, 3).Select(_ => app.SendAsync("tf-loop", """{"clientID":"x","points":1}""")).ToList();
        var neighbour = await app.SendAsync("tf-neighbour", """{"clientID":"tf-neighbour-1","points":3}""");

        await neighbour.ShouldBeAsync(200);
        foreach (var sent in await Task.WhenAll(looping))
        {
            await sent.ShouldBeAsync(422);
            // Whichever limit it meets first, depending on how busy the machine is.
            Assert.Matches("longer than 50 ms|more than 100000 statements", (await sent.ReadJsonAsync())["error"]!["message"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task ARegexThatBacktracksForeverIsStoppedByTheTimeLimit()
    {
        var result = await DryRunAsync("function transform(request) { return { clientID: 'x', points: /^(a+)+$/.test('a'.repeat(40) + 'b') ? 1 : 2 }; }");

        Assert.Equal(("transform_failed", 422), (result["outcome"]!.GetValue<string>(), result["status"]!.GetValue<int>()));
        Assert.Contains("longer than 50 ms", result["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHugeAllocationIsStoppedByTheMemoryLimit()
    {
        var result = await DryRunAsync("function transform(request) { const s = 'x'.repeat(8e6); return { clientID: 'x', points: s.length }; }");

        Assert.Equal(("transform_failed", 422), (result["outcome"]!.GetValue<string>(), result["status"]!.GetValue<int>()));
        Assert.Contains("KiB of memory", result["errorMessage"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NeitherTheClrNorModulesNorTheNetworkAreReachable()
    {
        var result = await DryRunAsync("""
            function transform(request) {
              return { reachable: [typeof System, typeof importNamespace, typeof require, typeof fetch, typeof XMLHttpRequest], clientID: 'x', points: 1 };
            }
            """);

        Assert.Equal(["undefined", "undefined", "undefined", "undefined", "undefined"],
            result["transform"]!["output"]!["reachable"]!.AsArray().Select(n => n!.GetValue<string>()));
        var evaluated = await DryRunAsync("function transform(request) { return eval('({clientID: \"x\", points: 1})'); }");
        Assert.Equal("transform_failed", evaluated["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task AGlobalSetByOneRequestIsNotSeenByTheNext()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("tf-globals"), """
            function transform(request) {
              globalThis.calls = (globalThis.calls || 0) + 1;
              return { clientID: request.body.clientID, points: globalThis.calls };
            }
            """));
        await app.OptInAsync("tf-globals-1");

        for (var i = 0; i < 3; i++)
        {
            await (await app.SendAsync("tf-globals", """{"clientID":"tf-globals-1"}""")).ShouldBeAsync(200);
        }

        Assert.Equal(3, await app.ScoreAsync("tf-globals-1"));
    }

    [Fact]
    public async Task ASyntaxErrorIsRefusedAtSaveWithLineAndColumn()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", Scenario.WithTransform(Scenario.PointAddDefinition("tf-syntax"), """
            function transform(request) {
              return { clientID: request.body.clientID,, };
            }
            """));

        await response.ShouldBeAsync(400);
        var errors = (await response.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Matches("^line 2, column \\d+: ", errors["transform.code"]![0]!.GetValue<string>());
        var missing = await app.Api().PostJsonAsync("/api/v1/webhooks", Scenario.WithTransform(Scenario.PointAddDefinition("tf-missing"), "function reshape(r) { return r; }"));
        await missing.ShouldBeAsync(400);
        Assert.Contains("function transform(request)", (await missing.ReadJsonAsync())["errors"]!["transform.code"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDryRunShowsTheTransformsOutputAndDuration()
    {
        var result = await DryRunAsync("function transform(request) { return { clientID: 'tf-nobody', points: request.query.points ? 1 : 2 }; }");

        Assert.Equal("tf-nobody", result["transform"]!["output"]!["clientID"]!.GetValue<string>());
        Assert.True(result["transform"]!["durationMs"]!.GetValue<double>() >= 0);
        Assert.Equal("customer_not_found", result["errorCode"]!.GetValue<string>());
    }

    private async Task<JsonNode> DryRunAsync(string code) =>
        await (await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", $$"""
            { "definition": {{Scenario.WithTransform(Scenario.PointAddDefinition("tf-dry"), code)}}, "request": { "body": {"clientID":"x"} } }
            """)).ReadJsonAsync();

    private async Task<JsonNode> LogOfAsync(HttpResponseMessage sent) =>
        await app.Api().GetJsonAsync($"/api/v1/logs/{sent.Headers.GetValues("Inlet-Request-Id").Single()}");
}
