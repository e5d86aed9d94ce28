using System.Globalization;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Inlet.Logs;

/// <summary>
/// On PostgreSQL the request log is partitioned by UTC day: <c>RequestLogs_20261130</c> holds the requests received that
/// day, and <c>RequestLogs_default</c> those of any day without a partition (a node's clock far off, say), so an insert never
/// fails. Partitions are made <see cref="DaysAhead"/> days ahead, at start and at each pruning run, and pruning drops the
/// days past retention whole, instead of deleting their rows one by one.
/// </summary>
internal sealed partial class LogPartitions(InletDb db, TimeProvider clock, ILogger<LogPartitions> logger)
{
    /// <summary>Days made ahead of today: pruning runs at least daily, so a run or two may fail before a request finds no partition.</summary>
    private const int DaysAhead = 3;

    private const string Prefix = "RequestLogs_";

    /// <summary>The UTC midnight that begins the day of <paramref name="instant"/>.</summary>
    public static DateTimeOffset StartOfDay(DateTimeOffset instant) => Start(Day(instant));

    /// <summary>Creates today's partition and the next days' that are missing.</summary>
    public async Task CreateAheadAsync(CancellationToken cancellationToken)
    {
        var existing = await DaysAsync(cancellationToken);
        var today = Day(clock.GetUtcNow());
        foreach (var day in Enumerable.Range(0, DaysAhead + 1).Select(today.AddDays).Where(day => !existing.Contains(day)))
        {
            await ChangeAsync(day, exists: false, () => CreateAsync(day, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Removes the requests received before <paramref name="before"/>, a UTC midnight: the partitions of the days before it
    /// whole, and the default partition's rows one by one. Returns how many requests were removed.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await CreateAheadAsync(cancellationToken);
        var pruned = 0;
        foreach (var day in (await DaysAsync(cancellationToken)).Where(day => Start(day.AddDays(1)) <= before))
        {
            pruned += await ChangeAsync(day, exists: true, () => DropAsync(day, cancellationToken), cancellationToken);
        }
        // Few rows land there, so one statement deletes them, without holding anything webhooks wait for.
        return pruned + await db.Database.ExecuteSqlAsync($"DELETE FROM \"RequestLogs_default\" WHERE \"ReceivedAt\" < {before}", cancellationToken);
    }

    /// <summary>
    /// A new day's partition, made beside the table and attached (which, unlike CREATE … PARTITION OF, lets webhooks go on
    /// writing), with the rows of that day the default partition took meanwhile, since the default may not keep them.
    /// </summary>
    private async Task<int> CreateAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var moved = Math.Max(0, await db.Database.ExecuteSqlRawAsync(CreateSql(day), cancellationToken));
        var name = Name(day);
        LogCreated(moved > 0 ? LogLevel.Information : LogLevel.Debug, name, moved);
        return moved;
    }

    private static string CreateSql(DateOnly day)
    {
        var (name, from, to) = (Name(day), Literal(day), Literal(day.AddDays(1)));
        return $"""
            LOCK TABLE "RequestLogs_default" IN ACCESS EXCLUSIVE MODE;
            CREATE TABLE {name} (LIKE "RequestLogs");
            WITH moved AS (DELETE FROM "RequestLogs_default" WHERE "ReceivedAt" >= {from} AND "ReceivedAt" < {to} RETURNING *)
            INSERT INTO {name} SELECT * FROM moved;
            ALTER TABLE "RequestLogs" ATTACH PARTITION {name} FOR VALUES FROM ({from}) TO ({to});
            """;
    }

    /// <summary>A day past retention, dropped whole; its rows are counted first, so the pruning log says how many went.</summary>
    private async Task<int> DropAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var name = Name(day);
        var rows = await db.Database.SqlQueryRaw<int>(CountSql(name)).SingleAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(DropSql(name), cancellationToken);
        LogDropped(name, rows);
        return rows;
    }

    private static string CountSql(string name) => $"SELECT count(*)::int AS \"Value\" FROM {name}";

    private static string DropSql(string name) => $"DROP TABLE {name}";

    /// <summary>
    /// One change in a transaction of its own, one node at a time, if the day's partition still is (or is not) there. A
    /// change waits at most a second for the queries reading the log, so webhooks never queue long behind it; then it is
    /// left to the next run.
    /// </summary>
    private async Task<int> ChangeAsync(DateOnly day, bool exists, Func<Task<int>> change, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({NodeLocks.LogPartitions})", cancellationToken);
        if (await db.Database.SqlQuery<bool>($"SELECT to_regclass({Name(day)}) IS NOT NULL AS \"Value\"").SingleAsync(cancellationToken) != exists)
        {
            // Another node made the change first.
            return 0;
        }
        await db.Database.ExecuteSqlRawAsync("SET LOCAL lock_timeout = '1s'", cancellationToken);
        try
        {
            var result = await change();
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            var name = Name(day);
            LogPutOff(name);
            return 0;
        }
    }

    /// <summary>The days that have a partition.</summary>
    private async Task<HashSet<DateOnly>> DaysAsync(CancellationToken cancellationToken)
    {
        var names = await db.Database.SqlQuery<string>($"""
            SELECT c.relname AS "Value" FROM pg_inherits AS i JOIN pg_class AS c ON c.oid = i.inhrelid
            WHERE i.inhparent = '"RequestLogs"'::regclass
            """).ToListAsync(cancellationToken);
        var days = new HashSet<DateOnly>();
        foreach (var name in names)
        {
            // Not the default partition, nor one an operator attached by hand.
            if (name.StartsWith(Prefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(name[Prefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                days.Add(day);
            }
        }
        return days;
    }

    private static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static string Name(DateOnly day) => $"\"{Prefix}{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}\"";

    private static string Literal(DateOnly day) => $"'{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 00:00:00+00'";

    [LoggerMessage(Message = "Created request log partition {Partition}, with {Moved} requests of its day moved from the default partition")]
    private partial void LogCreated(LogLevel level, string partition, int moved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dropped request log partition {Partition}, past retention, with its {Rows} requests")]
    private partial void LogDropped(string partition, int rows);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Changing request log partition {Partition} waited over a second for queries reading the log; it is left to the next run")]
    private partial void LogPutOff(string partition);
}
