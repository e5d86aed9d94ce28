using Inlet.Data;
using Inlet.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Logs;

public sealed class LogPruningTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task PruningRemovesLogsPastRetentionAndKeepsRecentOnes()
    {
        var now = DateTimeOffset.UtcNow;
        var old = await app.InsertLogAsync(now.AddDays(-91));
        var recent = await app.InsertLogAsync(now.AddDays(-89));

        await PruneAsync();

        await (await app.Api().GetAsync($"/api/v1/logs/{old}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await app.Api().GetAsync($"/api/v1/logs/{recent}", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
    }

    [Fact]
    public async Task ABacklogLargerThanOneBatchIsPrunedWhole()
    {
        var longAgo = DateTimeOffset.UtcNow.AddDays(-200);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            db.RequestLogs.AddRange(Enumerable.Range(0, 4500).Select(i => new RequestLogRow
            {
                Id = $"req_{Guid.CreateVersion7():N}", AccountId = "demo", ReceivedAt = longAgo.AddSeconds(i), Method = "POST",
                Path = "/webhooks/custom/demo/backlog", StatusCode = 404, Outcome = "not_found",
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.IndexLogBodiesAsync();
        }

        await PruneAsync();

        var left = await app.Api().GetJsonAsync($"/api/v1/logs?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-100).ToString("O"))}");
        Assert.Empty(left["items"]!.AsArray());
    }

    [Fact]
    public async Task PruningForgetsIdempotencyKeysPastTheirDaysSoARepeatIsProcessedAgain()
    {
        await app.ActiveWebhookAsync("point-add", "lp-keys");
        await app.OptInAsync("lp-k-1");
        const string body = """{"clientID":"lp-k-1","pointstobeadded":"10","pointadd":true}""";
        await SendWithKeyAsync(body, "lp-old");
        await SendWithKeyAsync(body, "lp-new");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var eightDaysAgo = DateTimeOffset.UtcNow.AddDays(-8);
            await scope.ServiceProvider.GetRequiredService<InletDb>().IdempotencyKeys.Where(k => k.Key == "lp-old")
                .ExecuteUpdateAsync(k => k.SetProperty(r => r.CreatedAt, eightDaysAgo), TestContext.Current.CancellationToken);
        }

        await PruneAsync();

        Assert.False((await SendWithKeyAsync(body, "lp-old")).Headers.Contains("Idempotent-Replayed"));
        Assert.True((await SendWithKeyAsync(body, "lp-new")).Headers.Contains("Idempotent-Replayed"));
        var member = await app.Api().GetJsonAsync("/api/v1/customers/lp-k-1");
        Assert.Equal(30, member["balances"]!["score"]!.GetValue<long>());
    }

    private async Task PruneAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(TestContext.Current.CancellationToken);
    }

    private async Task<HttpResponseMessage> SendWithKeyAsync(string body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/custom/demo/lp-keys") { Content = Http.Json(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await app.Sender().SendAsync(request, TestContext.Current.CancellationToken);
        await response.ShouldBeAsync(200);
        return response;
    }
}
