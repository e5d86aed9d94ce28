using System.Text.Json.Nodes;

namespace Inlet.Events;

/// <summary>A member's balances: score, spent, pending, and what can be spent (score − spent).</summary>
internal sealed record Balances(long Score, long Spent, long Pending)
{
    public long Spendable => Score - Spent;
}

/// <summary>An event as the API shows it, with the member's balances right after it.</summary>
internal sealed record EventView(
    string Id, string Customer, string Action, JsonNode? Data, long PointsDelta, DateTimeOffset OccurredAt, DateTimeOffset ProcessedAt,
    string Source, string? RequestLogId, Balances BalancesAfter)
{
    public static EventView From(EventRow row) => new(
        row.Id, row.CustomerId, row.Action, JsonNode.Parse(row.DataJson), row.PointsDelta, row.OccurredAt, row.ProcessedAt,
        row.Source, row.RequestLogId, new Balances(row.ScoreAfter, row.SpentAfter, row.PendingAfter));
}
