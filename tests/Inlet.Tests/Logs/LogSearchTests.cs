using System.Globalization;

namespace Inlet.Tests.Logs;

public sealed class LogSearchTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task LogsFilterByOutcomeStatusWebhookAndCustomer()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-filters");
        var other = await app.ActiveWebhookAsync("point-add", "ls-filters-other");
        await app.OptInAsync("ls-f-1");
        var processed = await app.SendAsync("ls-filters", """{"clientID":"ls-f-1","pointstobeadded":"10","pointadd":true}""", 200);
        var rejected = await app.SendAsync("ls-filters", """{"clientID":"ls-f-unknown","pointstobeadded":"10","pointadd":true}""", 422);
        var filtered = await app.SendAsync("ls-filters", """{"clientID":"ls-f-1","pointstobeadded":"10"}""", 422);
        var elsewhere = await app.SendAsync("ls-filters-other", """{"clientID":"ls-f-1","pointstobeadded":"5","pointadd":true}""", 200);

        Assert.Equal([filtered, rejected, processed], await app.LogIdsAsync($"webhookId={webhook}"));
        Assert.Equal([elsewhere], await app.LogIdsAsync($"webhookId={other}"));
        Assert.Equal([processed], await app.LogIdsAsync($"webhookId={webhook}&outcome=processed"));
        Assert.Equal([filtered, rejected], await app.LogIdsAsync($"webhookId={webhook}&status=422"));
        Assert.Equal([rejected], await app.LogIdsAsync("customer=ls-f-unknown"));
        Assert.Equal([elsewhere, processed], await app.LogIdsAsync("customer=ls-f-1&outcome=processed"));
    }

    [Fact]
    public async Task ASummarySaysWhatHappenedToTheRequest()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-summary");
        var rejected = await app.SendAsync("ls-summary", """{"clientID":"ls-s-unknown","pointstobeadded":"10","pointadd":true}""", 422);

        var summary = (await app.Api().GetJsonAsync($"/api/v1/logs?webhookId={webhook}"))["items"]![0]!;

        Assert.Equal(rejected, summary["id"]!.GetValue<string>());
        Assert.Equal("POST", summary["method"]!.GetValue<string>());
        Assert.Equal("/webhooks/custom/demo/ls-summary", summary["path"]!.GetValue<string>());
        Assert.Equal(422, summary["statusCode"]!.GetValue<int>());
        Assert.Equal("rejected", summary["outcome"]!.GetValue<string>());
        Assert.Equal("customer_not_found", summary["errorCode"]!.GetValue<string>());
        Assert.Equal(1, summary["webhookVersion"]!.GetValue<int>());
        Assert.Equal("ls-s-unknown", summary["customerId"]!.GetValue<string>());
        Assert.True(summary["durationMs"]!.GetValue<double>() > 0);
        Assert.True(summary["receivedAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Null(summary["headers"]);
        Assert.Null(summary["body"]);
    }

    [Fact]
    public async Task LogsFilterByATimeRangeFromInclusiveToExclusive()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-time");
        var before = Instant(DateTimeOffset.UtcNow);
        var first = await app.SendAsync("ls-time", """{"clientID":"ls-t-unknown","pointstobeadded":"1","pointadd":true}""", 422);
        var between = Instant(DateTimeOffset.UtcNow);
        var second = await app.SendAsync("ls-time", """{"clientID":"ls-t-unknown","pointstobeadded":"2","pointadd":true}""", 422);

        Assert.Equal([first], await app.LogIdsAsync($"webhookId={webhook}&from={before}&to={between}"));
        Assert.Equal([second], await app.LogIdsAsync($"webhookId={webhook}&from={between}"));
        Assert.Equal([first], await app.LogIdsAsync($"webhookId={webhook}&to={between}"));
        Assert.Empty(await app.LogIdsAsync($"webhookId={webhook}&to={before}"));
    }

    [Fact]
    public async Task LogsFilterByTextInTheBody()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-text");
        await app.SendAsync("ls-text", """{"clientID":"ls-x-unknown","pointstobeadded":"1","reason":"spring sale","pointadd":true}""", 422);
        var match = await app.SendAsync("ls-text", """{"clientID":"ls-x-unknown","pointstobeadded":"1","reason":"summer sale","pointadd":true}""", 422);

        Assert.Equal([match], await app.LogIdsAsync($"webhookId={webhook}&q={Uri.EscapeDataString("summer sale")}"));
        Assert.Empty(await app.LogIdsAsync($"webhookId={webhook}&q=autumn"));
    }

    [Fact]
    public async Task PagingWithTheCursorReturnsEveryLogOnceNewestFirst()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-pages");
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await app.SendAsync("ls-pages", $$"""{"clientID":"ls-p-unknown","pointstobeadded":"{{i + 1}}","pointadd":true}""", 422));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await app.Api().GetJsonAsync($"/api/v1/logs?webhookId={webhook}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(3, pages);
        sent.Reverse();
        Assert.Equal(sent, seen);
    }

    [Fact]
    public async Task PagingATimeRangeWithTheCursorReturnsEveryLogInItOnceNewestFirst()
    {
        var webhook = await app.ActiveWebhookAsync("point-add", "ls-range-pages");
        var before = Instant(DateTimeOffset.UtcNow);
        var sent = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add(await app.SendAsync("ls-range-pages", $$"""{"clientID":"ls-rp-unknown","pointstobeadded":"{{i + 1}}","pointadd":true}""", 422));
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await app.Api().GetJsonAsync($"/api/v1/logs?webhookId={webhook}&from={before}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>()));
            cursor = page["nextCursor"]?.GetValue<string>();
        }
        while (cursor is not null);

        sent.Reverse();
        Assert.Equal(sent, seen);
    }

    [Fact]
    public async Task BadQueryValuesAnswer400NamingEveryFault()
    {
        var response = await app.Api().GetAsync("/api/v1/logs?limit=0&status=abc&outcome=nope&from=yesterday&to=2026-01-01T00:00:00+02:00&cursor=x",
            TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(400);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_query", problem["code"]!.GetValue<string>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["cursor", "from", "limit", "outcome", "status", "to"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("%2B", errors["to"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static string Instant(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", CultureInfo.InvariantCulture));
}
