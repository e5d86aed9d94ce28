using System.Text.Json.Nodes;
using Inlet.Data;
using Inlet.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Replays;

/// <summary>A bulk replay as the API and the Backoffice show it: its preview, and once applying, its progress and what it did.</summary>
internal sealed record ReplayView(string Id, string Status, JsonNode? Filter, DateTimeOffset CreatedAt, DateTimeOffset? AppliedAt,
    ReplayTotals Totals, ReplayProgress? Progress, ReplayApplied? Applied, IReadOnlyList<ReplayItemView> Items)
{
    public static async Task<ReplayView?> ReadAsync(InletDb db, string accountId, string id, CancellationToken cancellationToken)
    {
        var row = await db.Replays.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var items = await db.ReplayItems.AsNoTracking().Where(i => i.ReplayId == id).OrderBy(i => i.Position).ToListAsync(cancellationToken);
        var done = items.Where(i => i.AppliedOutcome is not null).ToList();
        var started = row.Status != ReplayStatus.Previewed;
        return new ReplayView(row.Id, row.Status, JsonNode.Parse(row.FilterJson), row.CreatedAt, row.AppliedAt,
            new ReplayTotals(row.Requests, row.NewlyProcessed, row.StillFailing, row.Duplicates, row.Points),
            started ? new ReplayProgress(done.Count, row.NewlyProcessed) : null,
            started ? ReplayApplied.Of(done) : null,
            items.Select(ReplayItemView.Of).ToList());
    }
}

/// <summary>What the preview found: requests taken, those a replay would register, those still failing, duplicates, points they would move.</summary>
internal sealed record ReplayTotals(int Requests, int NewlyProcessed, int StillFailing, int Duplicates, long Points);

/// <summary>Previewed requests applied so far, of those to apply (the newly processed ones).</summary>
internal sealed record ReplayProgress(int Done, int Total);

/// <summary>What applying did: events registered, requests found already registered, requests that failed after all.</summary>
internal sealed record ReplayApplied(int Registered, int Duplicates, int StillFailing)
{
    public static ReplayApplied Of(IReadOnlyList<ReplayItemRow> done) => new(
        done.Count(i => i.AppliedOutcome == Outcomes.Processed),
        done.Count(i => i.AppliedOutcome == ReplayOutcomes.Duplicate),
        done.Count(i => i.AppliedOutcome is not (Outcomes.Processed or ReplayOutcomes.Duplicate)));
}

internal sealed record ReplayReason(string Code, string Message);

/// <summary>One request of a replay: its outcome, what a replay would do (the event and its points, or why not), and what applying did.</summary>
internal sealed record ReplayItemView(string LogId, string OriginalOutcome, string NewOutcome, JsonNode? Event, long? Points, ReplayReason? Reason,
    string? AppliedOutcome, string? AppliedLogId)
{
    public static ReplayItemView Of(ReplayItemRow row) => new(row.LogId, row.OriginalOutcome, row.NewOutcome,
        row.EventJson is null ? null : JsonNode.Parse(row.EventJson), row.Points,
        row.ReasonCode is null ? null : new ReplayReason(row.ReasonCode, row.ReasonMessage ?? ""), row.AppliedOutcome, row.AppliedLogId);
}
