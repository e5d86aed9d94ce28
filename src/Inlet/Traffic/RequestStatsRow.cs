namespace Inlet.Traffic;

/// <summary>
/// How many requests one webhook answered with one outcome in one span of time (an hour, a minute), how many of them were
/// not 2xx, and the points their events moved: the rollups the webhook list, the charts and the alerts read, kept by the
/// writer in the same commit as the log rows they count. On PostgreSQL a span's counts may be split over a few
/// <see cref="Shard"/> rows (concurrent batches then never wait on one hot row); readers sum them.
/// </summary>
internal abstract class RequestStatsRow
{
    public required string AccountId { get; init; }
    public required string WebhookId { get; init; }
    public DateTimeOffset Start { get; init; }
    public required string Outcome { get; init; }
    public int Shard { get; init; }
    public long Requests { get; init; }
    public long Failures { get; init; }
    public long PointsAdded { get; init; }
    public long PointsSubtracted { get; init; }
}

/// <summary>Counts per hour: the list's last 24 hours and the charts' 24 hours and 30 days. Kept <see cref="TrafficRetention.HourlyDays"/>.</summary>
internal sealed class HourlyStatsRow : RequestStatsRow;

/// <summary>Counts per minute: the alert rules' windows. Kept <see cref="TrafficRetention.MinuteDays"/>.</summary>
internal sealed class MinuteStatsRow : RequestStatsRow;

/// <summary>How long the rollups are kept: longer than the log itself may be, since they are small.</summary>
internal static class TrafficRetention
{
    /// <summary>At least the 30 days the charts show, and as long as the log is kept.</summary>
    public static int HourlyDays(int logRetentionDays) => Math.Max(logRetentionDays, 31);

    /// <summary>The longest alert window (1,440 minutes) and a day to spare.</summary>
    public const int MinuteDays = 2;
}
