namespace Inlet.Tests.Logs;

/// <summary>On PostgreSQL the request log is partitioned by day, and pruning drops the days past retention whole.</summary>
[Trait("Store", "postgres")]
public sealed class LogPartitionTests
{
    private static readonly DateTimeOffset Noon = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static string RequestId(HttpResponseMessage response) => response.Headers.GetValues("Inlet-Request-Id").Single();

    [Fact]
    public async Task TheRequestLogIsPartitionedByDayWithTheNextDaysMadeAtStartAndADefaultForAnyOtherDay()
    {
        TestStore.RequirePostgres();
        await using var app = new PartitionedLogApp(Noon);

        var received = await SendAsync(app);

        var key = await app.SqlAsync("""SELECT pg_get_partkeydef('"RequestLogs"'::regclass)""");
        Assert.Equal("RANGE (\"ReceivedAt\")", key.Single()[0]);
        Assert.Equal(["\"RequestLogs_20310301\"", "\"RequestLogs_20310302\"", "\"RequestLogs_20310303\"", "\"RequestLogs_20310304\"", "\"RequestLogs_default\""],
            await app.PartitionsAsync());
        Assert.Equal("\"RequestLogs_20310301\"", await app.PartitionOfAsync(received));
    }

    [Fact]
    public async Task PruningDropsTheDaysPastRetentionWholeAndKeepsTheDaysWithinIt()
    {
        TestStore.RequirePostgres();
        await using var app = new PartitionedLogApp(Noon);
        var old = await SendAsync(app);
        app.Clock.Now = Noon.AddDays(91);
        var recent = await SendAsync(app);

        var pruned = await app.PruneAsync();

        Assert.Equal(1, pruned.RequestLogs);
        await (await app.Api().GetAsync($"/api/v1/logs/{old}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await app.Api().GetAsync($"/api/v1/logs/{recent}", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        var partitions = await app.PartitionsAsync();
        Assert.DoesNotContain("\"RequestLogs_20310301\"", partitions);
        // 90 days back from noon on May 31 is noon on March 2: that day is kept whole until all of it is past retention.
        Assert.Contains("\"RequestLogs_20310302\"", partitions);
        Assert.Contains("\"RequestLogs_20310603\"", partitions);
    }

    [Fact]
    public async Task ARequestReceivedOnADayWithoutAPartitionIsStoredAndFoundAndMovesIntoItsDayWhenThatDayIsMade()
    {
        TestStore.RequirePostgres();
        await using var app = new PartitionedLogApp(Noon);
        app.StartServer();
        app.Clock.Now = Noon.AddDays(30);

        var received = await SendAsync(app);

        await (await app.Api().GetAsync($"/api/v1/logs/{received}", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        Assert.Equal("\"RequestLogs_default\"", await app.PartitionOfAsync(received));
        await app.PruneAsync();
        Assert.Equal("\"RequestLogs_20310331\"", await app.PartitionOfAsync(received));
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{received}");
        Assert.Equal(Noon.AddDays(30), log["receivedAt"]!.GetValue<DateTimeOffset>());
    }

    /// <summary>A request to an endpoint of no webhook: answered 404, and logged like any other.</summary>
    private static async Task<string> SendAsync(PartitionedLogApp app)
    {
        var answer = await app.SendAsync("nothing-here", "{}");
        await answer.ShouldBeAsync(404);
        return RequestId(answer);
    }
}
