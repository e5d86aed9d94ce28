using Inlet.Data;
using Inlet.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Traffic;

/// <summary>The outcomes the charts stack, in order; every other outcome counts as <see cref="Other"/>.</summary>
public static class ChartOutcomes
{
    public const string Other = "other";

    private static readonly string[] Order =
        [Outcomes.Processed, Outcomes.FilteredOut, Outcomes.InvalidEvent, Outcomes.Rejected, Outcomes.VerificationFailed, Other];

    public static IReadOnlyList<string> All => Order;

    public static int IndexOf(string outcome) => Array.IndexOf(Order, outcome) is var i and >= 0 ? i : Order.Length - 1;
}

/// <summary>One span's counts: requests per chart outcome (<see cref="ChartOutcomes.All"/>'s order), failures and points.</summary>
public sealed record Bucket(DateTimeOffset Start, long[] Requests, long Failures, long PointsAdded, long PointsSubtracted)
{
    public long Total => Requests.Sum();

    public static Bucket Empty(DateTimeOffset start) => new(start, new long[ChartOutcomes.All.Count], 0, 0, 0);

    internal Bucket Plus(RequestStatsRow row)
    {
        var requests = (long[])Requests.Clone();
        requests[ChartOutcomes.IndexOf(row.Outcome)] += row.Requests;
        return new(Start, requests, Failures + row.Failures, PointsAdded + row.PointsAdded, PointsSubtracted + row.PointsSubtracted);
    }
}

/// <summary>
/// What the rollups say about an account's webhooks: never a scan of the request log, so as fast on millions of log rows as
/// on ten. Spans are whole hours (days) in UTC, the last one being the current, still-running one.
/// </summary>
internal static class TrafficQueries
{
    /// <summary>The last <paramref name="hours"/> hours of each of the account's webhooks, oldest first (for the list and its sparklines).</summary>
    public static async Task<Dictionary<string, Bucket[]>> HoursByWebhookAsync(InletDb db, string accountId, DateTimeOffset now, int hours, CancellationToken cancellationToken)
    {
        var first = RequestTally.Truncate(now, TimeSpan.FromHours(1)).AddHours(1 - hours);
        var rows = await db.HourlyRequestStats.AsNoTracking().Where(s => s.AccountId == accountId && s.Start >= first).ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.WebhookId).ToDictionary(g => g.Key, g => Spans(g, first, TimeSpan.FromHours(1), hours));
    }

    /// <summary>One webhook's last <paramref name="count"/> hours (or days, <paramref name="span"/>), oldest first.</summary>
    public static async Task<Bucket[]> SpansAsync(InletDb db, string accountId, string webhookId, DateTimeOffset now, TimeSpan span, int count, CancellationToken cancellationToken)
    {
        var first = RequestTally.Truncate(now, span) - span * (count - 1);
        var rows = await db.HourlyRequestStats.AsNoTracking()
            .Where(s => s.AccountId == accountId && s.WebhookId == webhookId && s.Start >= first).ToListAsync(cancellationToken);
        return Spans(rows, first, span, count);
    }

    /// <summary>
    /// The requests of the account's webhooks (or of one) in the minutes from <paramref name="from"/> on, per webhook, from
    /// the minute rollups: what the alert rules weigh.
    /// </summary>
    public static async Task<Dictionary<string, Bucket>> MinutesAsync(InletDb db, string accountId, string? webhookId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        var start = RequestTally.Truncate(from, TimeSpan.FromMinutes(1));
        var query = db.MinuteRequestStats.AsNoTracking().Where(s => s.AccountId == accountId && s.Start >= start);
        if (webhookId is not null)
        {
            query = query.Where(s => s.WebhookId == webhookId);
        }
        var rows = await query.ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.WebhookId).ToDictionary(g => g.Key, g => g.Aggregate(Bucket.Empty(start), (sum, row) => sum.Plus(row)));
    }

    private static Bucket[] Spans(IEnumerable<RequestStatsRow> rows, DateTimeOffset first, TimeSpan span, int count)
    {
        var buckets = Enumerable.Range(0, count).Select(i => Bucket.Empty(first + span * i)).ToArray();
        foreach (var row in rows)
        {
            var index = (int)((row.Start - first).Ticks / span.Ticks);
            if (index is >= 0 && index < count)
            {
                buckets[index] = buckets[index].Plus(row);
            }
        }
        return buckets;
    }
}
