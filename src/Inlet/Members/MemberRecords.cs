using System.Collections.Immutable;
using System.Text.Json;
using Inlet.Engine.Members;

namespace Inlet.Members;

/// <summary>Conversions between stored rows and the engine's immutable member and transaction states.</summary>
internal static class MemberRecords
{
    public static MemberState ToState(this MemberRow row) => new(
        row.Id,
        row.Status == "opted_out" ? MemberStatus.OptedOut : MemberStatus.Active,
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.ProfileJson)!.ToImmutableSortedDictionary(StringComparer.Ordinal),
        [.. JsonSerializer.Deserialize<List<string>>(row.LabelsJson)!],
        row.Score,
        row.Spent,
        row.Pending);

    public static void CopyFrom(this MemberRow row, MemberState state, DateTimeOffset now)
    {
        row.Status = StatusName(state.Status);
        row.ProfileJson = JsonSerializer.Serialize(state.Profile);
        row.LabelsJson = JsonSerializer.Serialize(state.Labels);
        row.Score = state.Score;
        row.Spent = state.Spent;
        row.Pending = state.Pending;
        row.UpdatedAt = now;
    }

    public static string StatusName(MemberStatus status) => status == MemberStatus.OptedOut ? "opted_out" : "active";

    public static TransactionState ToState(this TransactionRow row, IEnumerable<TransactionItemRow> items) => new(
        row.Id, row.CustomerId, Enum.Parse<TransactionStatus>(row.Status.Replace("_", "", StringComparison.Ordinal), ignoreCase: true),
        row.Total, row.Currency, row.Earned, row.Burned, row.RefundedPoints, row.RefundedAmount,
        [.. items.Select(i => new LineItem(i.ProductId, i.ProductName, i.Quantity, i.Price, i.Subtotal, i.Accepted))]);

    public static void CopyFrom(this TransactionRow row, TransactionState state, DateTimeOffset now)
    {
        row.Status = StatusName(state.Status);
        row.Total = state.Total;
        row.Currency = state.Currency;
        row.Earned = state.Earned;
        row.Burned = state.Burned;
        row.RefundedPoints = state.RefundedPoints;
        row.RefundedAmount = state.RefundedAmount;
        row.UpdatedAt = now;
    }

    public static string StatusName(TransactionStatus status) => status switch
    {
        TransactionStatus.Pending => "pending",
        TransactionStatus.Accepted => "accepted",
        TransactionStatus.Rejected => "rejected",
        TransactionStatus.Refunded => "refunded",
        _ => "partially_refunded",
    };

    public static void CopyFrom(this TransactionItemRow row, LineItem item)
    {
        row.ProductName = item.ProductName;
        row.Quantity = item.Quantity;
        row.Price = item.Price;
        row.Subtotal = item.Subtotal;
        row.Accepted = item.Accepted;
    }
}
