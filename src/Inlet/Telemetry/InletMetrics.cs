using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Inlet.Telemetry;

/// <summary>
/// Inlet's own instruments, on the meter "Inlet". Prometheus names them with underscores and adds the unit and, for a
/// counter, <c>_total</c>: <c>inlet.webhook.requests</c> is scraped as <c>inlet_webhook_requests_total</c>, a unit in
/// braces (<c>{request}</c>) is a count and adds nothing, and <c>s</c> adds <c>_seconds</c>.
/// </summary>
internal sealed class InletMetrics
{
    public const string MeterName = "Inlet";

    private readonly Meter _meter;
    private readonly Counter<long> _webhookRequests;
    private readonly Histogram<double> _webhookDuration;
    private readonly Counter<long> _events;
    private readonly Histogram<int> _batchSizes;

    public InletMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        _webhookRequests = _meter.CreateCounter<long>("inlet.webhook.requests", "{request}", "Webhook requests answered, by outcome and webhook");
        _webhookDuration = _meter.CreateHistogram<double>("inlet.webhook.request.duration", "s", "How long a webhook request took until its answer was decided",
            tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _events = _meter.CreateCounter<long>("inlet.events", "{event}", "Events registered and committed, by action");
        _batchSizes = _meter.CreateHistogram<int>("inlet.writer.batch.size", "{unit}", "Units committed together in one transaction of the writer",
            tags: null, advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
    }

    /// <summary>A webhook request got its answer; <paramref name="webhookId"/> is null when no webhook was resolved (an unknown endpoint).</summary>
    public void Answered(string? webhookId, string outcome, long started)
    {
        var outcomeTag = new KeyValuePair<string, object?>("outcome", outcome);
        _webhookDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, outcomeTag);
        if (webhookId is null)
        {
            _webhookRequests.Add(1, outcomeTag);
        }
        else
        {
            _webhookRequests.Add(1, outcomeTag, new KeyValuePair<string, object?>("webhook_id", webhookId));
        }
    }

    /// <summary>An event of this action is stored: its batch has committed.</summary>
    public void EventRegistered(string action) => _events.Add(1, new KeyValuePair<string, object?>("action", action));

    public void BatchCommitted(int units) => _batchSizes.Record(units);

    /// <summary>The writer's queue depth, read at each scrape.</summary>
    public void ObserveQueueDepth(Func<int> waiting) =>
        _meter.CreateObservableGauge("inlet.writer.queue.depth", waiting, "{unit}", "Units waiting for the writer's next batch");
}
