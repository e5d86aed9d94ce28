using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inlet.Tests.Telemetry;

/// <summary>The span each webhook request leaves (issue 9), and the Inlet request id on the log entries written while it is answered.</summary>
[Collection(TelemetryTests.Collection)]
public sealed class TracingTests(TelemetryApp app) : IClassFixture<TelemetryApp>
{
    [Fact]
    public async Task EachWebhookRequestLeavesASpanWithItsOutcome()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Inlet",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("traced",
            """, "filter": {"all": [{"attribute": "body.kind", "operator": "equals", "value": "points"}]}"""));
        await app.OptInAsync("traced-1");

        var processed = await app.SendAsync("traced", """{"clientID":"traced-1","points":1,"kind":"points"}""");
        var filtered = await app.SendAsync("traced", """{"clientID":"traced-1","points":1,"kind":"other"}""");

        AssertSpan(await SpanOfAsync(spans, processed), webhook, "processed", 200);
        AssertSpan(await SpanOfAsync(spans, filtered), webhook, "filtered_out", 422);
    }

    [Fact]
    public async Task LogEntriesWrittenWhileAnsweringCarryTheInletRequestIdAndNoSecretOrBody()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("logged"));

        var response = await app.SendAsync("logged", """{"clientID":"never-enrolled","points":1,"note":"body-marker"}""",
            headers: ("Authorization", "Bearer secret-marker"));

        await response.ShouldBeAsync(422);
        var requestId = response.Headers.GetValues("Inlet-Request-Id").Single();
        var entry = Assert.Single(app.Logged, logged => logged.Scopes.Any(scope => Names(scope, requestId)));
        Assert.Equal($"Answered 422 rejected (webhook {webhook})", entry.Message);
        var everything = string.Join('\n', app.Logged.Select(logged => $"{logged.Message} {string.Join(' ', logged.Scopes)}"));
        Assert.DoesNotContain("body-marker", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-marker", everything, StringComparison.Ordinal);
    }

    private static void AssertSpan(Activity span, string webhook, string outcome, int status)
    {
        Assert.Equal("webhook receive", span.DisplayName);
        Assert.Equal(webhook, span.GetTagItem("inlet.webhook_id"));
        Assert.Equal("demo", span.GetTagItem("inlet.account_id"));
        Assert.Equal(outcome, span.GetTagItem("inlet.outcome"));
        Assert.Equal(status, span.GetTagItem("http.response.status_code"));
    }

    private static bool Names(object? scope, string requestId) =>
        scope is IEnumerable<KeyValuePair<string, object?>> values && values.Any(value => value.Key == "InletRequestId" && Equals(value.Value, requestId));

    /// <summary>The span of the request that got this answer; it ends just after the answer is written, so it may come a moment later.</summary>
    private static async Task<Activity> SpanOfAsync(ConcurrentQueue<Activity> spans, HttpResponseMessage response)
    {
        var requestId = response.Headers.GetValues("Inlet-Request-Id").Single();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (spans.FirstOrDefault(span => Equals(span.GetTagItem("inlet.request_id"), requestId)) is { } span)
            {
                return span;
            }
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"no span of request {requestId} within 5 seconds");
    }
}
