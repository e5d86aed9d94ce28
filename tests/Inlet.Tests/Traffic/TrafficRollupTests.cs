using Inlet.Data;
using Inlet.Logs;
using Inlet.Traffic;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Traffic;

/// <summary>The per-minute and per-hour rollups the writer keeps beside the request log, which the list, charts and alerts read.</summary>
public sealed class TrafficRollupTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TheRollupsOfABurstCountEveryLoggedRequestByOutcomeAndThePointsItsEventsMoved()
    {
        var adds = await app.CreateWebhookAsync(Scenario.PointAddDefinition("tr-adds"));
        var subs = await app.CreateWebhookAsync("""
            { "name": "Points tr-subs", "method": "POST", "endpoint": "tr-subs", "action": "point_sub",
              "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "points", "to": "data.points" } ] }
            """);
        await app.OptInAsync("tr-member");
        await (await app.SendAsync("tr-adds", """{"clientID":"tr-member","points":1000}""")).ShouldBeAsync(200);

        // Concurrent requests form batches of many units, several for the same hour, minute and outcome.
        var sent = await Task.WhenAll(Enumerable.Range(0, 120).Select(i => (i % 4) switch
        {
            0 => app.SendAsync("tr-adds", $$"""{"clientID":"tr-member","points":{{i + 1}}}"""),
            1 => app.SendAsync("tr-subs", """{"clientID":"tr-member","points":3}"""),
            2 => app.SendAsync("tr-adds", """{"clientID":"tr-nobody","points":1}"""),
            _ => app.SendAsync("tr-subs", """{"clientID":"""),
        }));
        Assert.Equal(60, sent.Count(r => (int)r.StatusCode == 200));

        foreach (var webhook in new[] { adds, subs })
        {
            var logged = await LoggedAsync(webhook);
            Assert.Equal(logged, await RolledUpAsync("HourlyRequestStats", webhook));
            Assert.Equal(logged, await RolledUpAsync("MinuteRequestStats", webhook));
        }
        Assert.Equal(1000 + Enumerable.Range(0, 120).Where(i => i % 4 == 0).Sum(i => i + 1), (await RolledUpAsync("HourlyRequestStats", adds)).Sum(o => o.Added));
        Assert.Equal(30 * 3, (await RolledUpAsync("HourlyRequestStats", subs)).Sum(o => o.Subtracted));
    }

    [Fact]
    public async Task PruningKeepsHourlyRollupsThirtyOneDaysAtLeastAndMinuteRollupsTwoDays()
    {
        var now = DateTimeOffset.UtcNow;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            // The log is kept 90 days by default: the hourly rollups as long, the minute rollups two days.
            foreach (var (days, webhook) in new[] { (95, "tr-old"), (85, "tr-kept") })
            {
                db.HourlyRequestStats.Add(new HourlyStatsRow { AccountId = "demo", WebhookId = webhook, Start = now.AddDays(-days), Outcome = "processed", Requests = 1 });
            }
            foreach (var (days, webhook) in new[] { (3, "tr-old"), (1, "tr-kept") })
            {
                db.MinuteRequestStats.Add(new MinuteStatsRow { AccountId = "demo", WebhookId = webhook, Start = now.AddDays(-days), Outcome = "processed", Requests = 1 });
            }
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(TestContext.Current.CancellationToken);
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            Assert.Equal(["tr-kept"], await db.HourlyRequestStats.Where(s => s.WebhookId.StartsWith("tr-")).Select(s => s.WebhookId).ToListAsync(TestContext.Current.CancellationToken));
            Assert.Equal(["tr-kept"], await db.MinuteRequestStats.Where(s => s.WebhookId.StartsWith("tr-")).Select(s => s.WebhookId).ToListAsync(TestContext.Current.CancellationToken));
        }
    }

    private sealed record Counts(string Outcome, long Requests, long Failures, long Added, long Subtracted);

    private async Task<List<Counts>> LoggedAsync(string webhook) =>
    [
        .. (await app.SqlAsync("""
            SELECT l."Outcome", COUNT(*), SUM(CASE WHEN l."StatusCode" BETWEEN 200 AND 299 THEN 0 ELSE 1 END),
                SUM(CASE WHEN e."PointsDelta" > 0 THEN e."PointsDelta" ELSE 0 END), SUM(CASE WHEN e."PointsDelta" < 0 THEN -e."PointsDelta" ELSE 0 END)
            FROM "RequestLogs" AS l LEFT JOIN "Events" AS e ON e."Id" = l."EventId"
            WHERE l."WebhookId" = @webhook GROUP BY l."Outcome" ORDER BY l."Outcome"
            """, ("webhook", webhook))).Select(Read),
    ];

    private async Task<List<Counts>> RolledUpAsync(string table, string webhook) =>
    [
        .. (await app.SqlAsync($"""
            SELECT "Outcome", SUM("Requests"), SUM("Failures"), SUM("PointsAdded"), SUM("PointsSubtracted")
            FROM "{table}" WHERE "WebhookId" = @webhook GROUP BY "Outcome" ORDER BY "Outcome"
            """, ("webhook", webhook))).Select(Read),
    ];

    private static Counts Read(object?[] row) =>
        new((string)row[0]!, Convert.ToInt64(row[1]), Convert.ToInt64(row[2]), Convert.ToInt64(row[3]), Convert.ToInt64(row[4]));
}
