namespace Inlet.Tests.Telemetry;

/// <summary>What Prometheus scrapes at /metrics (issue 9): requests by outcome and webhook, their durations, events by action, the writer.</summary>
[Collection(TelemetryTests.Collection)]
public sealed class MetricsTests(InletApp app) : IClassFixture<InletApp>
{
    private const string Points = """{"clientID":"metrics-1","points":1,"kind":"points"}""";
    private const string Other = """{"clientID":"metrics-1","points":1,"kind":"other"}""";
    private const string NotAnInteger = """{"clientID":"metrics-1","points":"10.5","kind":"points"}""";

    [Fact]
    public async Task AKnownSequenceIsScrapedWithExactlyItsCountsByOutcome()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("metrics-sequence",
            """, "filter": {"all": [{"attribute": "body.kind", "operator": "equals", "value": "points"}]}"""));
        await app.OptInAsync("metrics-1");
        var before = await Scrape.TakeAsync(app);

        await SendAsync("metrics-sequence", Points, 7, 200);
        await SendAsync("metrics-sequence", Other, 3, 422);
        await SendAsync("metrics-sequence", NotAnInteger, 2, 422);

        var after = await Scrape.TakeAsync(app);
        Assert.Equal(7, after.Value("inlet_webhook_requests_total", ("webhook_id", webhook), ("outcome", "processed")));
        Assert.Equal(3, after.Value("inlet_webhook_requests_total", ("webhook_id", webhook), ("outcome", "filtered_out")));
        Assert.Equal(2, after.Value("inlet_webhook_requests_total", ("webhook_id", webhook), ("outcome", "invalid_event")));
        Assert.Equal(12, after.Value("inlet_webhook_requests_total", ("webhook_id", webhook)));
        Assert.Equal(7, Increase("inlet_events_total", before, after, ("action", "point_add")));
        Assert.Equal(7, Increase("inlet_webhook_request_duration_seconds_count", before, after, ("outcome", "processed")));
        Assert.Equal(5, Increase("inlet_webhook_request_duration_seconds_count", before, after, ("outcome", "filtered_out"))
            + Increase("inlet_webhook_request_duration_seconds_count", before, after, ("outcome", "invalid_event")));
    }

    [Fact]
    public async Task ARequestToAnUnknownEndpointIsCountedWithoutAWebhook()
    {
        var before = await Scrape.TakeAsync(app);

        await (await app.SendAsync("metrics-nowhere", "{}")).ShouldBeAsync(404);

        var after = await Scrape.TakeAsync(app);
        Assert.Equal(1, Increase("inlet_webhook_requests_total", before, after, ("outcome", "not_found")));
        Assert.All(after.LabelSets("inlet_webhook_requests_total").Where(labels => labels["outcome"] == "not_found"),
            labels => Assert.False(labels.ContainsKey("webhook_id")));
    }

    [Fact]
    public async Task TheWritersQueueDepthAndBatchSizesAreScraped()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("metrics-writer"));
        await app.OptInAsync("metrics-2");
        var before = await Scrape.TakeAsync(app);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => app.SendAsync("metrics-writer", """{"clientID":"metrics-2","points":1}""")));

        Assert.All(answers, answer => Assert.Equal(200, (int)answer.StatusCode));
        var after = await Scrape.TakeAsync(app);
        Assert.True(after.Has("inlet_writer_queue_depth"), after.Text);
        Assert.Equal(0, after.Value("inlet_writer_queue_depth"));
        // Every unit is in one committed batch: the batch sizes add up to the requests, in one batch or up to twenty.
        Assert.Equal(20, Increase("inlet_writer_batch_size_sum", before, after));
        Assert.InRange(Increase("inlet_writer_batch_size_count", before, after), 1, 20);
        Assert.True(after.Has("inlet_writer_batch_size_bucket"), after.Text);
    }

    [Fact]
    public async Task TheMetricsNeedNoApiKeyAndAreNotPartOfTheApiDocument()
    {
        var response = await app.Sender().GetAsync("/metrics", TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(200);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            StringComparison.Ordinal);
        var document = await app.Sender().GetJsonAsync("/openapi/v1.json");
        Assert.DoesNotContain(document["paths"]!.AsObject(), path => path.Key.StartsWith("/metrics", StringComparison.Ordinal));
    }

    private async Task SendAsync(string endpoint, string body, int times, int status)
    {
        for (var i = 0; i < times; i++)
        {
            await (await app.SendAsync(endpoint, body)).ShouldBeAsync(status);
        }
    }

    private static double Increase(string name, Scrape before, Scrape after, params (string Label, string Value)[] labels) =>
        after.Value(name, labels) - before.Value(name, labels);
}
