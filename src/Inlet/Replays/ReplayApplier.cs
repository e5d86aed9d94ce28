using Inlet.Data;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Replays;

/// <summary>What an apply came to.</summary>
internal enum Applied
{
    Done,
    Background,
    NotFound,
    AlreadyApplied,
    Busy,
    Unavailable,
}

/// <summary>
/// Applies a bulk replay: exactly its previewed items whose new outcome was processed, in arrival order, each through
/// <see cref="LogReplay.ReplayAsync"/> — so the once-per-logged-request rule holds at the store, whoever else replays them.
/// One apply at a time per replay: this node's <see cref="ReplayQueue"/> and, over PostgreSQL, an advisory lock held by
/// the node applying it (released if that node stops: applying again then finishes the rest).
/// </summary>
internal sealed class ReplayApplier(InletDb db, IServiceScopeFactory scopes, ReplayQueue queue, TimeProvider clock, IOptions<ReplayOptions> options)
{
    /// <summary>Applies small replays before answering, and queues larger ones for <see cref="ReplayWorker"/>.</summary>
    public async Task<Applied> ApplyAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        var row = await db.Replays.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, cancellationToken);
        if (row is null || row.Status == ReplayStatus.Applied)
        {
            return row is null ? Applied.NotFound : Applied.AlreadyApplied;
        }
        if (!queue.TryStart(id))
        {
            return Applied.Busy;
        }
        if (await Pending(id).CountAsync(cancellationToken) > options.Value.InlineApplyLimit)
        {
            await db.Replays.Where(r => r.Id == id && r.Status != ReplayStatus.Applied)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ReplayStatus.Applying), cancellationToken);
            queue.Enqueue(accountId, id);
            return Applied.Background;
        }
        try
        {
            return await RunAsync(accountId, id, cancellationToken);
        }
        finally
        {
            queue.End(id);
        }
    }

    /// <summary>Applies the items not applied yet, one by one, recording each as it goes (the progress the API shows).</summary>
    public async Task<Applied> RunAsync(string accountId, string id, CancellationToken cancellationToken)
    {
        await using var held = await NodeLocks.TryTakeAsync(db, NodeLocks.Key("bulk-replay", accountId, id), cancellationToken);
        if (held is null)
        {
            return Applied.Busy;
        }
        if (await db.Replays.AnyAsync(r => r.Id == id && r.Status == ReplayStatus.Applied, cancellationToken))
        {
            return Applied.AlreadyApplied;
        }
        await SetStatusAsync(id, ReplayStatus.Applying, null, cancellationToken);
        // Each item replays through its own context: this one holds the replay's lock on its connection.
        using var scope = scopes.CreateScope();
        var replay = scope.ServiceProvider.GetRequiredService<LogReplay>();
        foreach (var item in await Pending(id).AsNoTracking().ToListAsync(cancellationToken))
        {
            var result = await replay.ReplayAsync(accountId, item.LogId, cancellationToken);
            if (result is ReplayResult.Refused { Status: StatusCodes.Status503ServiceUnavailable })
            {
                return Applied.Unavailable;
            }
            var (outcome, logId) = Outcome(result);
            await db.ReplayItems.Where(i => i.ReplayId == id && i.Position == item.Position)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AppliedOutcome, outcome).SetProperty(i => i.AppliedLogId, logId), cancellationToken);
        }
        await SetStatusAsync(id, ReplayStatus.Applied, clock.GetUtcNow(), cancellationToken);
        return Applied.Done;
    }

    private IQueryable<ReplayItemRow> Pending(string id) =>
        db.ReplayItems.Where(i => i.ReplayId == id && i.NewOutcome == Outcomes.Processed && i.AppliedOutcome == null).OrderBy(i => i.Position);

    private Task<int> SetStatusAsync(string id, string status, DateTimeOffset? appliedAt, CancellationToken cancellationToken) =>
        db.Replays.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.AppliedAt, appliedAt), cancellationToken);

    /// <summary>A request registered again by someone else (a replay, or the sender's retry) since the preview counts as a duplicate.</summary>
    private static (string Outcome, string? LogId) Outcome(ReplayResult result) => result switch
    {
        ReplayResult.Replayed r => (r.Log.Outcome, r.Log.Id),
        ReplayResult.Refused { Code: "already_processed" or "already_replayed" } => (ReplayOutcomes.Duplicate, null),
        _ => (ReplayOutcomes.NotReplayable, null),
    };
}
