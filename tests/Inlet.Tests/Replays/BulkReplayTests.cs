using Inlet.Tests.Accounts;

namespace Inlet.Tests.Replays;

public sealed class BulkReplayTests(InletApp app) : IClassFixture<InletApp>
{
    private const int Members = 5;

    [Fact]
    public async Task FiftyRequestsThatFailedOnABrokenMappingAreRegisteredOnceByABulkReplayAfterTheFix()
    {
        const string endpoint = "bulk-repair";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        for (var m = 0; m < Members; m++)
        {
            await app.OptInAsync($"{endpoint}-m{m}");
        }
        for (var n = 0; n < 55; n++)
        {
            await (await app.SendNumberedAsync(endpoint, n, Members)).ShouldBeAsync(422);
        }
        await app.FixAsync(webhook, endpoint);
        for (var n = 50; n < 55; n++)
        {
            // The sender retries the last five itself, with the same idempotency keys: they are registered now.
            await (await app.SendNumberedAsync(endpoint, n, Members)).ShouldBeAsync(200);
        }

        var preview = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}","outcome":"invalid_event"}""");

        Assert.Equal("previewed", preview["status"]!.GetValue<string>());
        Assert.Equal((55, 50, 0, 5, Enumerable.Range(1, 50).Sum()), ReplayScenario.Totals(preview));
        var items = preview["items"]!.AsArray();
        Assert.All(items.Take(50), i => Assert.Equal(("invalid_event", "processed"), (i!["originalOutcome"]!.GetValue<string>(), i["newOutcome"]!.GetValue<string>())));
        Assert.All(items.Skip(50), i => Assert.Equal("duplicate", i!["newOutcome"]!.GetValue<string>()));
        Assert.Equal(("point_add", 1L), (items[0]!["event"]!["action"]!.GetValue<string>(), items[0]!["points"]!.GetValue<long>()));
        Assert.Equal(Enumerable.Range(51, 5).Sum(), await TotalScoreAsync(endpoint));

        var applied = await app.ApplyAsync(preview["id"]!.GetValue<string>());
        var again = await app.ApplyAsync(preview["id"]!.GetValue<string>());

        await applied.ShouldBeAsync(200);
        var result = await applied.ReadJsonAsync();
        Assert.Equal("applied", result["status"]!.GetValue<string>());
        Assert.Equal((50, 0, 0), (result["applied"]!["registered"]!.GetValue<int>(), result["applied"]!["duplicates"]!.GetValue<int>(), result["applied"]!["stillFailing"]!.GetValue<int>()));
        Assert.Equal((50, 50), (result["progress"]!["done"]!.GetValue<int>(), result["progress"]!["total"]!.GetValue<int>()));
        await again.ShouldBeAsync(409);
        Assert.Equal("already_applied", (await again.ReadJsonAsync())["code"]!.GetValue<string>());
        for (var m = 0; m < Members; m++)
        {
            Assert.Equal(Enumerable.Range(0, 55).Where(n => n % Members == m).Sum(n => n + 1), await app.ScoreAsync($"{endpoint}-m{m}"));
        }
    }

    [Fact]
    public async Task ReadingAReplayAnswersItsPreviewAndAReplayedRequestIsNotRegisteredAgainBySingleReplay()
    {
        const string endpoint = "bulk-read";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        await app.OptInAsync($"{endpoint}-m0");
        var failed = await app.SendNumberedAsync(endpoint, 6, 1);
        await app.FixAsync(webhook, endpoint);
        var preview = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}","status":422}""");
        await (await app.ApplyAsync(preview["id"]!.GetValue<string>())).ShouldBeAsync(200);

        var read = await app.Api().GetJsonAsync($"/api/v1/replays/{preview["id"]!.GetValue<string>()}");
        var single = await app.Api().PostAsync($"/api/v1/logs/{failed.Headers.GetValues("Inlet-Request-Id").Single()}/replay", null, TestContext.Current.CancellationToken);

        Assert.Equal(("applied", 7L), (read["status"]!.GetValue<string>(), read["totals"]!["points"]!.GetValue<long>()));
        Assert.Equal("processed", read["items"]![0]!["appliedOutcome"]!.GetValue<string>());
        await single.ShouldBeAsync(409);
        Assert.Equal(7, await app.ScoreAsync($"{endpoint}-m0"));
    }

    [Fact]
    public async Task ConcurrentAppliesOfOneReplayRegisterEachRequestOnce()
    {
        const string endpoint = "bulk-race";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        await app.OptInAsync($"{endpoint}-m0");
        for (var n = 0; n < 8; n++)
        {
            await app.SendNumberedAsync(endpoint, n, 1);
        }
        await app.FixAsync(webhook, endpoint);
        var preview = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}"}""");

        var applies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ApplyAsync(preview["id"]!.GetValue<string>())));

        Assert.Single(applies, a => (int)a.StatusCode == 200);
        Assert.All(applies.Where(a => (int)a.StatusCode != 200), a => Assert.Equal(409, (int)a.StatusCode));
        Assert.Equal(Enumerable.Range(1, 8).Sum(), await app.ScoreAsync($"{endpoint}-m0"));
    }

    [Fact]
    public async Task AFilterWithFaultsAnswers400WithEveryFaultLikeTheLogSearch()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/replays", """{"outcome":"broken","status":"abc","from":"yesterday"}""");

        await answer.ShouldBeAsync(400);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("invalid_filter", problem["code"]!.GetValue<string>());
        Assert.Equal(["from", "outcome", "status"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task AnotherAccountCannotReadOrApplyAReplay()
    {
        const string endpoint = "bulk-private";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        await app.OptInAsync($"{endpoint}-m0");
        await app.SendNumberedAsync(endpoint, 2, 1);
        await app.FixAsync(webhook, endpoint);
        var preview = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}"}""");
        var otherKey = await NewAccounts.CreateAsync(app, "bulk-other");
        var id = preview["id"]!.GetValue<string>();

        var read = await app.Api(otherKey).GetAsync($"/api/v1/replays/{id}", TestContext.Current.CancellationToken);
        var apply = await app.ApplyAsync(id, otherKey);
        var theirs = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}"}""", otherKey);

        await read.ShouldBeAsync(404);
        await apply.ShouldBeAsync(404);
        Assert.Equal(0, ReplayScenario.Totals(theirs).Requests);
        Assert.Equal(0, await app.ScoreAsync($"{endpoint}-m0"));
    }

    private async Task<long> TotalScoreAsync(string endpoint)
    {
        long total = 0;
        for (var m = 0; m < Members; m++)
        {
            total += await app.ScoreAsync($"{endpoint}-m{m}");
        }
        return total;
    }
}
