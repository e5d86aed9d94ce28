using Inlet.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Writer;

/// <summary>An Inlet whose writer queue holds two requests.</summary>
public sealed class ShortQueueApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Inlet:Writer:QueueCapacity", "2")];
}

public sealed class BackPressureTests(ShortQueueApp app) : IClassFixture<ShortQueueApp>
{
    [Fact]
    public async Task AFullWriteQueueAnswers503WithRetryAfterAtOnceAndKeepsWhatItQueued()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("pressure"));
        await app.OptInAsync("pressed");
        var writer = app.Services.GetRequiredService<Inlet.Writer.Writer>();

        Task<HttpResponseMessage>[] sent;
        HttpResponseMessage[] refused;
        using (await app.Services.GetRequiredService<WriteGate>().EnterAsync(TestContext.Current.CancellationToken))
        {
            // The writer waits for the gate: two requests fill its queue, the others are refused without waiting for it.
            sent = [.. Enumerable.Range(0, 6).Select(_ => app.SendAsync("pressure", """{"clientID":"pressed","points":1}"""))];
            await Batches.UntilAsync(() => sent.Count(t => t.IsCompleted) == 4);
            refused = [.. sent.Where(t => t.IsCompleted).Select(t => t.Result)];
            Assert.Equal(2, writer.Waiting);
        }
        var answers = await Task.WhenAll(sent);

        Assert.All(refused, r => Assert.Equal(503, (int)r.StatusCode));
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.Equal("unavailable", (await refused[0].ReadJsonAsync())["error"]!["code"]!.GetValue<string>());
        Assert.Equal(2, answers.Count(a => (int)a.StatusCode == 200));
        Assert.Equal(2, await app.ScoreAsync("pressed"));
    }
}
