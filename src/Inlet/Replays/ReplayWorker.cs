using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Inlet.Replays;

/// <summary>The replays this node is applying, and those waiting for <see cref="ReplayWorker"/>.</summary>
internal sealed class ReplayQueue
{
    private readonly ConcurrentDictionary<string, bool> _running = new();
    private readonly Channel<(string AccountId, string Id)> _waiting = Channel.CreateUnbounded<(string, string)>(new() { SingleReader = true });

    public ChannelReader<(string AccountId, string Id)> Waiting => _waiting.Reader;

    /// <summary>False when this node applies the replay already.</summary>
    public bool TryStart(string id) => _running.TryAdd(id, true);

    public void End(string id) => _running.TryRemove(id, out _);

    public void Enqueue(string accountId, string id) => _waiting.Writer.TryWrite((accountId, id));
}

/// <summary>Applies large replays in the background, one at a time, on the node that was asked to.</summary>
internal sealed partial class ReplayWorker(ReplayQueue queue, IServiceScopeFactory scopes, ILogger<ReplayWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (accountId, id) in queue.Waiting.ReadAllAsync(stoppingToken))
        {
            try
            {
                using var scope = scopes.CreateScope();
                var applied = await scope.ServiceProvider.GetRequiredService<ReplayApplier>().RunAsync(accountId, id, stoppingToken);
                LogApplied(id, applied);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The items applied so far stay applied: applying the replay again finishes the rest.
                LogFailed(e, id);
            }
            finally
            {
                queue.End(id);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Bulk replay {ReplayId} applied in the background: {Applied}")]
    private partial void LogApplied(string replayId, Applied applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk replay {ReplayId} stopped before the end; applying it again finishes it")]
    private partial void LogFailed(Exception exception, string replayId);
}
