using System.Threading.Channels;
using Inlet.Hosting;
using Inlet.Telemetry;
using Microsoft.Extensions.Options;

namespace Inlet.Writer;

/// <summary>
/// The node's one writer (group commit). Requests hand it units through a bounded queue and await them; its loop takes
/// what is waiting (no fixed delay: a lone unit is written at once, a burst forms big batches), writes the batch in one
/// transaction in arrival order, commits once, and only then completes every unit, so a 2xx still means durably stored.
/// A full queue answers at once that the store is unavailable: memory stays bounded under any burst.
/// </summary>
internal sealed partial class Writer(
    IWriteStore store, WriteGate gate, TimeProvider clock, IOptions<WriterOptions> options, InletMetrics metrics, ILogger<Writer> logger) : BackgroundService
{
    private readonly Channel<WriteUnit> _queue = Channel.CreateBounded<WriteUnit>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = store.WritesAlone, FullMode = BoundedChannelFullMode.Wait });

    private long _refusedSinceLastLog;
    private long _lastRefusalLog;

    /// <summary>Units waiting for the next batch.</summary>
    public int Waiting => _queue.Reader.Count;

    public Task<WriteResult> WriteAsync(WriteUnit unit)
    {
        if (_queue.Writer.TryWrite(unit))
        {
            return unit.Completion;
        }
        Refused();
        return Task.FromResult(new WriteResult(new Written.Unavailable(), null));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Units already queued are still written; later ones are refused.
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    /// <summary>One loop on SQLite; on PostgreSQL <see cref="WriterOptions.Connections"/> loops, each writing its own batches.</summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.ObserveQueueDepth(() => Waiting);
        return Task.WhenAll(Enumerable.Range(0, store.WritesAlone ? 1 : options.Value.Connections).Select(_ => Task.Run(LoopAsync, CancellationToken.None)));
    }

    private async Task LoopAsync()
    {
        var units = new List<WriteUnit>(options.Value.BatchSize);
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            WriteResult[] results;
            // Settings saves and log pruning take their turn between batches, not in the middle of one. Where the database
            // orders writers itself, the gate only covers taking the batch from the queue.
            using (var turn = await gate.EnterAsync(CancellationToken.None))
            {
                while (units.Count < options.Value.BatchSize && _queue.Reader.TryRead(out var unit))
                {
                    units.Add(unit);
                }
                if (!store.WritesAlone)
                {
                    turn.Dispose();
                }
                if (units.Count == 0)
                {
                    // Another loop took what was waiting.
                    continue;
                }
                results = await RunAsync(units);
            }
            for (var i = 0; i < units.Count; i++)
            {
                units[i].Complete(results[i]);
            }
            units.Clear();
        }
    }

    private async Task<WriteResult[]> RunAsync(List<WriteUnit> units)
    {
        var results = new WriteResult[units.Count];
        var keys = BatchKeys.Of(units);
        var released = new List<WriteResult>();
        var unitByUnit = false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var batch = await store.BeginAsync(keys, unitByUnit, CancellationToken.None);
                released.Clear();
                for (var i = 0; i < units.Count; i++)
                {
                    results[i] = await Batch.ApplyAsync(batch, units[i], clock.GetUtcNow(), CancellationToken.None);
                    // A member just enrolled: the events parked for them are registered right after, in the same transaction.
                    foreach (var release in Batch.Releases(batch.State, units[i], results[i]))
                    {
                        released.Add(await Batch.ApplyAsync(batch, release, clock.GetUtcNow(), CancellationToken.None));
                    }
                }
                await batch.CommitAsync(CancellationToken.None);
                break;
            }
            catch (RetryBatchException e) when (attempt < MaxAttempts)
            {
                LogBatchRetried(e.InnerException!, units.Count, attempt);
                unitByUnit = e.UnitByUnit;
            }
            catch (Exception e)
            {
                // Whatever failed, nothing of the batch is stored: every unit answers that the store is unavailable, and the loop goes on.
                LogBatchFailed(e, units.Count);
                Array.Fill(results, new WriteResult(new Written.Unavailable(), null));
                return results;
            }
        }
        Committed(results, released);
        for (var i = 0; i < units.Count; i++)
        {
            if (results[i].Written is Written.Faulted faulted)
            {
                LogUnitFaulted(faulted.Exception, units[i].AccountId, units[i].Log?.Id);
            }
        }
        return results;
    }

    /// <summary>Counted once the batch is committed: an event is counted when it is stored, not when it is decided.</summary>
    /// <remarks>The batch's size is the units that came through the queue; the parked events they released count as events only.</remarks>
    private void Committed(WriteResult[] results, List<WriteResult> released)
    {
        metrics.BatchCommitted(results.Length);
        foreach (var registered in results.Concat(released).Where(result => result.Stored).SelectMany(result => result.Written.Registrations))
        {
            metrics.EventRegistered(registered.Event.Action);
        }
    }

    /// <summary>A full queue is logged at most once a second, with how many units it refused, so an overload does not flood the log.</summary>
    private void Refused()
    {
        Interlocked.Increment(ref _refusedSinceLastLog);
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefusalLog);
        if (clock.GetElapsedTime(last, now) >= TimeSpan.FromSeconds(1) && Interlocked.CompareExchange(ref _lastRefusalLog, now, last) == last)
        {
            LogQueueFull(Interlocked.Exchange(ref _refusedSinceLastLog, 0), options.Value.QueueCapacity);
        }
    }

    /// <summary>A batch the store could not write for a passing reason (a deadlock, a key stored meanwhile) is tried this many times.</summary>
    private const int MaxAttempts = 5;

    [LoggerMessage(Level = LogLevel.Information, Message = "A batch of {Units} units is tried again (attempt {Attempt} failed for a passing reason)")]
    private partial void LogBatchRetried(Exception exception, int units, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Units} units could not be written; each answered 503 and nothing of them was stored")]
    private partial void LogBatchFailed(Exception exception, int units);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "A request of account {AccountId} (Inlet request {InletRequestId}) could not be decided; it answered 503 and the rest of its batch was written")]
    private partial void LogUnitFaulted(Exception exception, string accountId, string? inletRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The write queue is full ({Capacity} units): {Refused} requests answered 503 unavailable")]
    private partial void LogQueueFull(long refused, int capacity);
}
