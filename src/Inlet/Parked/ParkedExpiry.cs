using Inlet.Data;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Settings;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Parked;

/// <summary>
/// Parked events whose member did not come into being within their account's <c>parkDays</c> go, and the log row of each
/// one's request says <c>park_expired</c>. Run with the log pruning (one node at a time). Each account's expired events go
/// in one transaction that takes its turn with the writer: the SQLite write gate, or on PostgreSQL the writer's own
/// advisory locks on the members concerned, so an event is never both released and expired.
/// </summary>
internal sealed class ParkedExpiry(InletDb db, WriteGate gate, TimeProvider clock)
{
    private const int BatchSize = 500;

    public async Task<int> ExpireAsync(CancellationToken cancellationToken)
    {
        var expired = 0;
        var accounts = await db.ParkedEvents.AsNoTracking().Select(p => p.AccountId).Distinct().ToListAsync(cancellationToken);
        foreach (var accountId in accounts)
        {
            var settings = await StoredSettings.ReadAsync(db, accountId, cancellationToken);
            var before = clock.GetUtcNow().AddDays(-settings.ParkDays);
            int count;
            do
            {
                count = await ExpireBatchAsync(accountId, before, settings.ParkDays, cancellationToken);
                expired += count;
            }
            while (count == BatchSize);
        }
        return expired;
    }

    private async Task<int> ExpireBatchAsync(string accountId, DateTimeOffset before, int days, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var candidates = await db.ParkedEvents.AsNoTracking().Where(p => p.AccountId == accountId && p.ParkedAt < before).OrderBy(p => p.Id)
            .Take(BatchSize).Select(p => p.CustomerId).Distinct().ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return 0;
        }
        if (db.Database.IsNpgsql())
        {
            long[] locks = [.. candidates.Select(customer => NodeLocks.Key("member", accountId, customer)).Distinct().Order()];
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(k) FROM unnest({0}::bigint[]) AS k", [locks], cancellationToken);
        }
        // Read again under the locks: what the writer released meanwhile is gone.
        var rows = await db.ParkedEvents.AsNoTracking().Where(p => p.AccountId == accountId && p.ParkedAt < before && candidates.Contains(p.CustomerId))
            .OrderBy(p => p.Id).Take(BatchSize).ToListAsync(cancellationToken);
        var ids = rows.Select(p => p.Id).ToList();
        var logIds = rows.Where(p => p.RequestLogId is not null).Select(p => p.RequestLogId!).ToList();
        await db.ParkedEvents.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
        var message = $"the customer did not become a member within {days} days";
        await db.RequestLogs.Where(l => l.AccountId == accountId && logIds.Contains(l.Id)).ExecuteUpdateAsync(l => l
            .SetProperty(r => r.Outcome, Outcomes.ParkExpired)
            .SetProperty(r => r.ErrorCode, Outcomes.ParkExpired)
            .SetProperty(r => r.ErrorMessage, message), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }
}
