namespace Inlet.Tests.Replays;

/// <summary>An Inlet that applies replays of more than five requests in the background, and takes at most twenty per replay.</summary>
public sealed class SmallReplaysApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Inlet:Replays:InlineApplyLimit", "5"), ("Inlet:Replays:MaxRequests", "20")];
}

public sealed class BackgroundReplayTests(SmallReplaysApp app) : IClassFixture<SmallReplaysApp>
{
    [Fact]
    public async Task ALargeReplayAnswers202AndAppliesInTheBackgroundWithVisibleProgress()
    {
        const string endpoint = "bulk-large";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        await app.OptInAsync($"{endpoint}-m0");
        for (var n = 0; n < 12; n++)
        {
            await app.SendNumberedAsync(endpoint, n, 1);
        }
        await app.FixAsync(webhook, endpoint);
        var preview = await app.PreviewAsync($$"""{"webhookId":"{{webhook}}"}""");
        var id = preview["id"]!.GetValue<string>();

        var accepted = await app.ApplyAsync(id);

        await accepted.ShouldBeAsync(202);
        var started = await accepted.ReadJsonAsync();
        Assert.Equal(12, started["progress"]!["total"]!.GetValue<int>());
        Assert.Equal($"/api/v1/replays/{id}", accepted.Headers.Location!.OriginalString);
        var read = await app.Api().GetJsonAsync($"/api/v1/replays/{id}");
        for (var i = 0; i < 300 && read["status"]!.GetValue<string>() != "applied"; i++)
        {
            Assert.True(read["progress"]!["done"]!.GetValue<int>() <= 12);
            await Task.Delay(100, TestContext.Current.CancellationToken);
            read = await app.Api().GetJsonAsync($"/api/v1/replays/{id}");
        }
        Assert.Equal(("applied", 12, 12), (read["status"]!.GetValue<string>(), read["progress"]!["done"]!.GetValue<int>(), read["applied"]!["registered"]!.GetValue<int>()));
        Assert.Equal(Enumerable.Range(1, 12).Sum(), await app.ScoreAsync($"{endpoint}-m0"));
        await (await app.ApplyAsync(id)).ShouldBeAsync(409);
    }

    [Fact]
    public async Task AFilterThatFindsMoreRequestsThanAReplayTakesAnswers422AskingToNarrowIt()
    {
        const string endpoint = "bulk-too-many";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        for (var n = 0; n < 21; n++)
        {
            await app.SendNumberedAsync(endpoint, n, 1);
        }

        var answer = await app.Api().PostJsonAsync("/api/v1/replays", $$"""{"webhookId":"{{webhook}}"}""");

        await answer.ShouldBeAsync(422);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("replay_too_large", problem["code"]!.GetValue<string>());
        Assert.Contains("narrow", problem["detail"]!.GetValue<string>());
    }
}
