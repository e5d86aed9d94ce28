namespace Inlet.Tests.Writer;

/// <summary>What a sustained stream does to the SQLite files: the WAL is copied into the database and starts over, so it stays bounded.</summary>
[Trait("Store", "sqlite")]
public sealed class CheckpointTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task UnderASustainedStreamTheWalIsCopiedIntoTheDatabaseAndStaysBounded()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("stream"));
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);

        // Sixteen senders, 6,000 requests over 3,000 members: about 100 MB of WAL pages were it never copied and reset.
        await Task.WhenAll(Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            for (var i = sender; i < 6_000; i += 16)
            {
                await (await app.SendAsync("stream", $$"""{"clientID":"stream-{{i % 3_000}}","points":1}""")).ShouldBeAsync(200);
            }
        })));

        var wal = new FileInfo(app.DatabasePath + "-wal").Length;
        Assert.InRange(wal, 1, 64L * 1024 * 1024);
        // Without checkpoints everything stays in the WAL and the database file holds one page.
        Assert.True(new FileInfo(app.DatabasePath).Length > 2L * 1024 * 1024, "the WAL should have been copied into the database file by now");
        Assert.Equal(2, await app.ScoreAsync("stream-7"));
    }
}
