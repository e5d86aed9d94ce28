using Inlet.Data;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Logs;

/// <summary>What one pruning run removed, and the times it removed what came before.</summary>
internal sealed record Pruned(int RequestLogs, DateTimeOffset LogsBefore, int IdempotencyKeys, DateTimeOffset KeysBefore);

/// <summary>
/// One pruning run (spec §9, §2.3): request logs older than <see cref="LogOptions.RetentionDays"/> and idempotency keys older
/// than <see cref="IngestionOptions.IdempotencyDays"/> are deleted in SQL, and the traffic rollups past theirs (<see cref="Traffic.TrafficRetention"/>), without loading them. On PostgreSQL the log goes
/// by whole days (<see cref="LogPartitions"/>).
/// </summary>
internal sealed partial class LogPruner(InletDb db, LogPartitions partitions, Parked.ParkedExpiry parked, WriteGate gate, TimeProvider clock, IOptions<LogOptions> logs,
    IOptions<IngestionOptions> ingestion, ILogger<LogPruner> logger)
{
    /// <summary>What it removed, or null when another node was pruning and this run left it to that node.</summary>
    public async Task<Pruned?> PruneAsync(CancellationToken cancellationToken)
    {
        // Over a shared PostgreSQL store, one node prunes; the others find the lock taken and leave it to that node.
        await using var pruning = await NodeLocks.TryTakeAsync(db, NodeLocks.Pruning, cancellationToken);
        if (pruning is null)
        {
            return null;
        }
        // Parked events first: their log rows say they expired before the oldest of them are pruned.
        await parked.ExpireAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var logsBefore = now.AddDays(-logs.Value.RetentionDays);
        var keysBefore = now.AddDays(-ingestion.Value.IdempotencyDays);
        int logsPruned;
        if (db.Database.IsNpgsql())
        {
            // A day goes once all of it is past retention: a request is kept up to a day longer, and none is deleted alone.
            logsBefore = LogPartitions.StartOfDay(logsBefore);
            logsPruned = await partitions.PruneAsync(logsBefore, cancellationToken);
        }
        else
        {
            logsPruned = await DeleteInBatchesAsync(db.RequestLogs.Where(l => l.ReceivedAt < logsBefore).OrderBy(l => l.ReceivedAt), cancellationToken);
        }
        // The rollups outlive the log (the charts show 30 days whatever its retention); they are small.
        var hoursBefore = now.AddDays(-Traffic.TrafficRetention.HourlyDays(logs.Value.RetentionDays));
        var minutesBefore = now.AddDays(-Traffic.TrafficRetention.MinuteDays);
        await DeleteInBatchesAsync(db.HourlyRequestStats.Where(s => s.Start < hoursBefore).OrderBy(s => s.Start), cancellationToken);
        await DeleteInBatchesAsync(db.MinuteRequestStats.Where(s => s.Start < minutesBefore).OrderBy(s => s.Start), cancellationToken);
        var pruned = new Pruned(logsPruned, logsBefore,
            await DeleteInBatchesAsync(db.IdempotencyKeys.Where(k => k.CreatedAt < keysBefore).OrderBy(k => k.CreatedAt), cancellationToken), keysBefore);
        // A run that found nothing is not news.
        LogPruned(pruned is { RequestLogs: 0, IdempotencyKeys: 0 } ? LogLevel.Debug : LogLevel.Information, pruned.RequestLogs, logsBefore, pruned.IdempotencyKeys, keysBefore);
        return pruned;
    }

    /// <summary>
    /// Deletes in batches, each its own short write, so a large backlog (after lowering the retention, say) never holds
    /// the single SQLite writer long enough to keep webhooks waiting. Each batch takes the oldest rows first, so which rows a
    /// batch deletes is decided by the query, not by the order SQLite happens to read them in.
    /// </summary>
    private async Task<int> DeleteInBatchesAsync<T>(IOrderedQueryable<T> expired, CancellationToken cancellationToken)
    {
        const int BatchSize = 2000;
        var total = 0;
        while (true)
        {
            int deleted;
            using (await gate.EnterAsync(cancellationToken))
            {
                deleted = await expired.Take(BatchSize).ExecuteDeleteAsync(cancellationToken);
            }
            total += deleted;
            if (deleted < BatchSize)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Message = "Pruned {RequestLogs} request logs received before {LogsBefore:O} and {IdempotencyKeys} idempotency keys created before {KeysBefore:O}")]
    private partial void LogPruned(LogLevel level, int requestLogs, DateTimeOffset logsBefore, int idempotencyKeys, DateTimeOffset keysBefore);
}

/// <summary>Runs <see cref="LogPruner"/> at start and then every <see cref="LogOptions.PruneIntervalMinutes"/>; a failed run waits for the next.</summary>
internal sealed partial class LogPruning(IServiceScopeFactory scopes, TimeProvider clock, IOptions<LogOptions> options, ILogger<LogPruning> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.PruneIntervalMinutes), clock);
        try
        {
            do
            {
                await RunOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // The store may be briefly unavailable: what is not pruned now is pruned on the next run.
            LogFailed(e, options.Value.PruneIntervalMinutes);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning request logs failed; the next run is in {Minutes} minutes")]
    private partial void LogFailed(Exception exception, int minutes);
}
