namespace Inlet.Tests.Logs;

public sealed class ReplayTests(InletApp app) : IClassFixture<InletApp>
{
    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("Inlet-Request-Id").Single();

    [Fact]
    public async Task ARejectedRequestReplayedAfterTheFixIsProcessedAndPointsAtTheOriginal()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-1"));
        var rejected = await app.SendAsync("replay-1", """{"clientID":"late-member","points":12}""");
        await rejected.ShouldBeAsync(422);
        await app.OptInAsync("late-member");

        var replayed = await app.Api().PostAsync($"/api/v1/logs/{RequestId(rejected)}/replay", null, TestContext.Current.CancellationToken);

        await replayed.ShouldBeAsync(201);
        var log = await replayed.ReadJsonAsync();
        Assert.Equal(("processed", 200, RequestId(rejected)), (log["outcome"]!.GetValue<string>(), log["statusCode"]!.GetValue<int>(), log["replayOf"]!.GetValue<string>()));
        Assert.Equal(12, await app.ScoreAsync("late-member"));
        var original = await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(rejected)}");
        Assert.Equal("rejected", original["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task AReplayRunsThroughTheWebhooksCurrentVersion()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-2",
            """, "filter": {"all": [{"attribute": "body.kind", "operator": "equals", "value": "bonus"}]}"""));
        await app.OptInAsync("replay-2-member");
        var filtered = await app.SendAsync("replay-2", """{"clientID":"replay-2-member","points":5,"kind":"gift"}""");
        await filtered.ShouldBeAsync(422);
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("replay-2"))).ShouldBeAsync(200);

        var replayed = await (await app.Api().PostAsync($"/api/v1/logs/{RequestId(filtered)}/replay", null, TestContext.Current.CancellationToken)).ReadJsonAsync();

        Assert.Equal(("processed", 2), (replayed["outcome"]!.GetValue<string>(), replayed["webhookVersion"]!.GetValue<int>()));
        Assert.Equal(5, await app.ScoreAsync("replay-2-member"));
    }

    [Fact]
    public async Task AProcessedRequestIsNotReplayedSoNoEventIsRegisteredTwice()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-3"));
        await app.OptInAsync("replay-3-member");
        var processed = await app.SendAsync("replay-3", """{"clientID":"replay-3-member","points":5}""");
        await processed.ShouldBeAsync(200);

        var refused = await app.Api().PostAsync($"/api/v1/logs/{RequestId(processed)}/replay", null, TestContext.Current.CancellationToken);

        await refused.ShouldBeAsync(409);
        Assert.Equal("already_processed", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        Assert.Equal(5, await app.ScoreAsync("replay-3-member"));
    }

    [Fact]
    public async Task AnUnknownLogAnswers404()
    {
        await (await app.Api().PostAsync("/api/v1/logs/req_unknown/replay", null, TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }

    [Fact]
    public async Task AReplayedRequestRegistersItsEventOnceHoweverOftenAndConcurrentlyItIsReplayed()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-4"));
        var rejected = await app.SendAsync("replay-4", """{"clientID":"replay-4-member","points":7}""");
        await rejected.ShouldBeAsync(422);
        await app.OptInAsync("replay-4-member");

        var replays = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            app.Api().PostAsync($"/api/v1/logs/{RequestId(rejected)}/replay", null, TestContext.Current.CancellationToken)));
        var again = await app.Api().PostAsync($"/api/v1/logs/{RequestId(rejected)}/replay", null, TestContext.Current.CancellationToken);

        Assert.Single(replays, r => (int)r.StatusCode == 201);
        Assert.All(replays.Where(r => (int)r.StatusCode != 201), r => Assert.Equal(409, (int)r.StatusCode));
        await again.ShouldBeAsync(409);
        Assert.Equal(7, await app.ScoreAsync("replay-4-member"));
    }

    [Fact]
    public async Task ARequestThatFailedVerificationIsNotReplayed()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-5",
            """, "verification": {"type": "token", "header": "X-Shop-Token", "secret": "right-token-123"}"""));
        await app.OptInAsync("replay-5-member");
        var forged = await app.SendAsync("replay-5", """{"clientID":"replay-5-member","points":500}""", headers: ("X-Shop-Token", "guess"));
        await forged.ShouldBeAsync(401);

        var refused = await app.Api().PostAsync($"/api/v1/logs/{RequestId(forged)}/replay", null, TestContext.Current.CancellationToken);

        await refused.ShouldBeAsync(409);
        Assert.Equal("not_verified", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        Assert.Equal(0, await app.ScoreAsync("replay-5-member"));
    }

    [Fact]
    public async Task ReplayingAFailedReplayCountsAsReplayingTheFirstRequest()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-6"));
        var rejected = await app.SendAsync("replay-6", """{"clientID":"replay-6-member","points":4}""");
        var failedReplay = await (await app.Api().PostAsync($"/api/v1/logs/{RequestId(rejected)}/replay", null, TestContext.Current.CancellationToken)).ReadJsonAsync();
        Assert.Equal("rejected", failedReplay["outcome"]!.GetValue<string>());
        await app.OptInAsync("replay-6-member");

        var first = await app.Api().PostAsync($"/api/v1/logs/{RequestId(rejected)}/replay", null, TestContext.Current.CancellationToken);
        var viaTheFailedReplay = await app.Api().PostAsync($"/api/v1/logs/{failedReplay["id"]!.GetValue<string>()}/replay", null, TestContext.Current.CancellationToken);

        await first.ShouldBeAsync(201);
        await viaTheFailedReplay.ShouldBeAsync(409);
        Assert.Equal(RequestId(rejected), (await first.ReadJsonAsync())["replayOf"]!.GetValue<string>());
        Assert.Equal(4, await app.ScoreAsync("replay-6-member"));
    }

    [Fact]
    public async Task AReplayThatIsRejectedCanBeReplayedAgainOnceTheMemberExistsAndTheSendersRetryThenCountsOnce()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("replay-7",
            """, "filter": {"all": [{"attribute": "body.kind", "operator": "equals", "value": "bonus"}]}"""));
        (string, string) key = ("Idempotency-Key", "replay-7-key");
        var filtered = await app.SendAsync("replay-7", """{"clientID":"replay-7-member","points":6,"kind":"gift"}""", headers: key);
        await filtered.ShouldBeAsync(422);
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("replay-7"))).ShouldBeAsync(200);

        var rejected = await (await app.Api().PostAsync($"/api/v1/logs/{RequestId(filtered)}/replay", null, TestContext.Current.CancellationToken)).ReadJsonAsync();
        await app.OptInAsync("replay-7-member");
        var processed = await app.Api().PostAsync($"/api/v1/logs/{rejected["id"]!.GetValue<string>()}/replay", null, TestContext.Current.CancellationToken);
        var retried = await app.SendAsync("replay-7", """{"clientID":"replay-7-member","points":6,"kind":"gift"}""", headers: key);

        Assert.Equal("rejected", rejected["outcome"]!.GetValue<string>());
        await processed.ShouldBeAsync(201);
        await retried.ShouldBeAsync(200);
        Assert.Equal("true", retried.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(6, await app.ScoreAsync("replay-7-member"));
    }
}
