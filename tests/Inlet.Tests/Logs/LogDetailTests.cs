using Inlet.Data;
using Inlet.Logs;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Logs;

public sealed class LogDetailTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AFilteredOutRequestShowsWhyInItsFilterTrace()
    {
        await app.ActiveWebhookAsync("point-sub", "ld-filtered");
        var id = await app.SendAsync("ld-filtered", """{"clientID":"ld-f-1","pointsub":0}""", 422);

        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{id}");

        Assert.Equal("filtered_out", log["outcome"]!.GetValue<string>());
        var entry = log["filterTrace"]!.AsArray().Single()!;
        Assert.Equal("body.pointsub", entry["attribute"]!.GetValue<string>());
        Assert.Equal("greater_than", entry["operator"]!.GetValue<string>());
        Assert.Equal("0", entry["actual"]!.GetValue<string>());
        Assert.False(entry["result"]!.GetValue<bool>());
        Assert.Equal("""{"clientID":"ld-f-1","pointsub":0}""", log["body"]!.GetValue<string>());
        Assert.False(log["bodyTruncated"]!.GetValue<bool>());
        Assert.Equal("""{"notok":false}""", log["responseBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task AProcessedRequestShowsItsMappingTraceAndEvent()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ld-processed");
        await app.OptInAsync("ld-p-1");
        var id = await app.SendAsync("ld-processed", """{"clientID":"ld-p-1","pointstobeadded":"ten","pointadd":true}""", 422);
        var ok = await app.SendAsync("ld-processed", """{"clientID":"ld-p-1","pointstobeadded":"10","pointadd":true}""", 200);

        var invalid = await app.Api().GetJsonAsync($"/api/v1/logs/{id}");
        var processed = await app.Api().GetJsonAsync($"/api/v1/logs/{ok}");

        Assert.Equal("invalid_event", invalid["outcome"]!.GetValue<string>());
        Assert.NotNull(invalid["errorMessage"]);
        var points = processed["mappingTrace"]!.AsArray().Single(m => m!["to"]!.GetValue<string>() == "data.points")!;
        Assert.Equal("\"10\"", points["raw"]!.GetValue<string>());
        Assert.Equal("10", points["final"]!.GetValue<string>());
        Assert.Equal(webhook, processed["webhookId"]!.GetValue<string>());
        Assert.StartsWith("evt_", processed["eventId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("""{"ok":true}""", processed["responseBody"]!.GetValue<string>());
    }

    [Fact]
    public async Task HeadersAreKeptWithCredentialsRedacted()
    {
        await app.ActiveWebhookAsync("point-add", "ld-headers");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/custom/demo/ld-headers")
        {
            Content = Http.Json("""{"clientID":"ld-h-unknown","pointstobeadded":"1","pointadd":true}"""),
        };
        request.Headers.Add("Authorization", "Bearer x");
        request.Headers.Add("X-Api-Token", "y");
        request.Headers.Add("X-Shop", "north");
        var sent = await app.Sender().SendAsync(request, TestContext.Current.CancellationToken);
        var id = sent.Headers.GetValues("Inlet-Request-Id").Single();

        var headers = (await app.Api().GetJsonAsync($"/api/v1/logs/{id}"))["headers"]!;

        Assert.Equal("[redacted]", headers["authorization"]!.GetValue<string>());
        Assert.Equal("[redacted]", headers["x-api-token"]!.GetValue<string>());
        Assert.Equal("north", headers["x-shop"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownLogAnswers404()
    {
        var response = await app.Api().GetAsync("/api/v1/logs/req_0000000000000000000000000000000", TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(404);
    }

    [Fact]
    public async Task AnotherAccountsLogAnswers404AndIsNotListed()
    {
        // The demo key cannot make another account's traffic, so its log row is written straight to the store.
        var id = $"req_{Guid.CreateVersion7():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            db.RequestLogs.Add(new RequestLogRow
            {
                Id = id, AccountId = "ld-other", ReceivedAt = DateTimeOffset.UtcNow, Method = "POST", Path = "/webhooks/custom/ld-other/x",
                StatusCode = 404, Outcome = "not_found", CustomerId = "ld-o-1",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.IndexLogBodiesAsync();
        }

        var response = await app.Api().GetAsync($"/api/v1/logs/{id}", TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(404);
        Assert.Empty(await app.LogIdsAsync("customer=ld-o-1"));
    }
}
