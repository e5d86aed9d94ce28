using Inlet.Data;
using Inlet.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Logs;

/// <summary>Searching request logs by body text (<c>q</c>), which runs on each store's trigram index.</summary>
public sealed class LogTextSearchTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ABodySearchFindsTextInTheMiddleOfAWordAndMindsItsCase()
    {
        await app.ActiveWebhookAsync("point-add", "lt-middle");
        var match = await app.SendAsync("lt-middle", """{"clientID":"lt-m-unknown","pointstobeadded":"1","reason":"Supercalifragilistic","pointadd":true}""", 422);

        Assert.Equal([match], await app.LogIdsAsync("q=califrag"));
        Assert.Equal([match], await app.LogIdsAsync($"q={Uri.EscapeDataString("\"reason\":\"Supercal")}"));
        Assert.Empty(await app.LogIdsAsync("q=CALIFRAG"));
    }

    [Fact]
    public async Task ABodySearchForTextNoBodyHoldsFindsNothing()
    {
        await app.ActiveWebhookAsync("point-add", "lt-missing");
        await app.SendAsync("lt-missing", """{"clientID":"lt-x-unknown","pointstobeadded":"1","reason":"present","pointadd":true}""", 422);

        Assert.Empty(await app.LogIdsAsync("q=absent-from-every-body"));
    }

    [Fact]
    public async Task WildcardCharactersInTheSearchAreMatchedAsThemselves()
    {
        await app.ActiveWebhookAsync("point-add", "lt-wild");
        var match = await app.SendAsync("lt-wild", """{"clientID":"lt-w-unknown","pointstobeadded":"1","reason":"a*b?c[d]%e_f\\g","pointadd":true}""", 422);
        await app.SendAsync("lt-wild", """{"clientID":"lt-w-unknown","pointstobeadded":"1","reason":"aXXb?c[d]%eXf\\g","pointadd":true}""", 422);

        Assert.Equal([match], await app.LogIdsAsync($"q={Uri.EscapeDataString("a*b?c[d]%e_f")}"));
        Assert.Equal([match], await app.LogIdsAsync($"q={Uri.EscapeDataString("]%e_f\\\\g")}"));
        Assert.Empty(await app.LogIdsAsync($"q={Uri.EscapeDataString("a%b")}"));
    }

    [Fact]
    public async Task PrunedLogsAreNotFoundByTheirBodyAndNewOnesStillAre()
    {
        await app.ActiveWebhookAsync("point-add", "lt-pruned");
        var old = await app.InsertLogAsync(DateTimeOffset.UtcNow.AddDays(-91), """{"reason":"lt-pruned-marker old"}""");
        var kept = await app.InsertLogAsync(DateTimeOffset.UtcNow.AddDays(-89), """{"reason":"lt-pruned-marker kept"}""");
        Assert.Equal([kept, old], await app.LogIdsAsync("q=lt-pruned-marker"));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(TestContext.Current.CancellationToken);
        }
        var sent = await app.SendAsync("lt-pruned", """{"clientID":"lt-p-unknown","pointstobeadded":"1","reason":"lt-pruned-marker new","pointadd":true}""", 422);

        Assert.Equal([sent, kept], await app.LogIdsAsync("q=lt-pruned-marker"));
        Assert.Empty(await app.LogIdsAsync($"q={Uri.EscapeDataString("marker old")}"));
        await AssertIndexIntactAsync();
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("é€")]
    public async Task ASearchShorterThanThreeCharactersAnswers400SayingTheMinimum(string text)
    {
        var response = await app.Api().GetAsync($"/api/v1/logs?q={Uri.EscapeDataString(text)}", TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(400);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_query", problem["code"]!.GetValue<string>());
        Assert.Contains("at least 3 characters", problem["errors"]!["q"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThreeCharactersOutsideTheBasicPlaneAreEnoughToSearch()
    {
        await app.ActiveWebhookAsync("point-add", "lt-emoji");
        var match = await app.SendAsync("lt-emoji", """{"clientID":"lt-e-unknown","pointstobeadded":"1","reason":"🎉🎁🎈 party","pointadd":true}""", 422);

        Assert.Equal([match], await app.LogIdsAsync($"q={Uri.EscapeDataString("🎉🎁🎈")}"));
    }

    /// <summary>On SQLite, FTS5's own check that its index holds exactly the rows' bodies, no more, no fewer.</summary>
    private async Task AssertIndexIntactAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "RequestLogsText"("RequestLogsText", rank) VALUES ('integrity-check', 1)""",
                TestContext.Current.CancellationToken);
        }
    }
}
