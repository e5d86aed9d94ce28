using System.Runtime.InteropServices;

namespace Inlet.Traffic;

/// <summary>
/// A batch's requests counted per webhook, minute and outcome as the writer stores their log rows; written once, at commit,
/// as additions to the minute and hour rollups (<see cref="RequestStatsRow"/>).
/// </summary>
internal sealed class RequestTally
{
    private readonly Dictionary<(string Account, string Webhook, DateTimeOffset Minute, string Outcome), Counts> _minutes = [];

    public bool IsEmpty => _minutes.Count == 0;

    public void Add(string accountId, string webhookId, DateTimeOffset receivedAt, string outcome, int status, long points)
    {
        ref var counts = ref CollectionsMarshal.GetValueRefOrAddDefault(_minutes, (accountId, webhookId, Truncate(receivedAt, TimeSpan.FromMinutes(1)), outcome), out _);
        counts = counts.Plus(new Counts(1, status is >= 200 and < 300 ? 0 : 1, Math.Max(points, 0), Math.Max(-points, 0)));
    }

    /// <summary>
    /// The additions per <paramref name="span"/> (a minute or an hour) as rows of the rollup tables' columns (<see cref="Writer.WriteTables.HourlyStats"/>), in key
    /// order: every batch takes the rows' locks in the same order, so two batches never deadlock on them.
    /// </summary>
    public List<object?[]> Rows(TimeSpan span, int shard) =>
    [
        .. _minutes.GroupBy(m => (m.Key.Account, m.Key.Webhook, Start: Truncate(m.Key.Minute, span), m.Key.Outcome))
            .Select(g => (g.Key, Counts: g.Aggregate(default(Counts), (sum, m) => sum.Plus(m.Value))))
            .OrderBy(r => r.Key.Account, StringComparer.Ordinal).ThenBy(r => r.Key.Webhook, StringComparer.Ordinal)
            .ThenBy(r => r.Key.Start).ThenBy(r => r.Key.Outcome, StringComparer.Ordinal)
            .Select(r => new object?[]
            {
                r.Key.Account, r.Key.Webhook, r.Key.Start, r.Key.Outcome, shard, r.Counts.Requests, r.Counts.Failures, r.Counts.PointsAdded,
                r.Counts.PointsSubtracted,
            }),
    ];

    /// <summary>The start of the span an instant falls in, in UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset instant, TimeSpan span) =>
        new(instant.UtcTicks - instant.UtcTicks % span.Ticks, TimeSpan.Zero);

    private readonly record struct Counts(long Requests, long Failures, long PointsAdded, long PointsSubtracted)
    {
        public Counts Plus(Counts other) =>
            new(Requests + other.Requests, Failures + other.Failures, PointsAdded + other.PointsAdded, PointsSubtracted + other.PointsSubtracted);
    }
}
