using System.Text.Json.Nodes;
using static Inlet.Engine.Members.EffectResult;
using static Inlet.Engine.Members.EventData;

namespace Inlet.Engine.Members;

/// <summary>
/// refund and partial_refund (spec §6). The refund already happened in the shop, so points are taken back even when
/// spendable goes below zero, whatever allowNegativeBalance says: refusing would leave the member with points for money returned.
/// </summary>
internal static class RefundEffects
{
    public static EffectResult Apply(string action, JsonObject data, MemberState member, TransactionState? known, AccountSettings settings)
    {
        if (Text(data, "transaction_id") is not { } id)
        {
            return Rejections.Missing("transaction_id", "a string");
        }
        var partial = action == "partial_refund";
        var amount = partial ? Number(data, "amount") : null;
        if (partial && amount is not > 0)
        {
            return Rejections.Missing("amount", "a number above 0");
        }
        if (known is null)
        {
            return Rejections.TransactionNotFound(id, totalCreates: false);
        }
        if (known.MemberId != member.Id)
        {
            return Rejections.TransactionOtherCustomer(id);
        }
        if (known.Status is not (TransactionStatus.Accepted or TransactionStatus.PartiallyRefunded))
        {
            return Rejections.TransactionNotAccepted(known);
        }
        return amount is { } a ? PartialRefund(known, a, member, settings) : Refund(known, known.Total, member);
    }

    /// <summary>Takes back every earned point not yet taken and gives the burned points back.</summary>
    private static Applied Refund(TransactionState transaction, decimal refundedAmount, MemberState member)
    {
        var taken = transaction.Refundable;
        var refunded = transaction with
        {
            Status = TransactionStatus.Refunded,
            RefundedPoints = transaction.Earned,
            RefundedAmount = refundedAmount,
        };
        return new Applied(member.AddScore(-taken).AddSpent(-transaction.Burned), refunded, -taken);
    }

    /// <summary>
    /// Points are floored on the amount refunded so far, not per refund, so splitting a refund never changes what is
    /// taken back; never more than earned. Once the amounts reach the total the transaction is fully refunded.
    /// </summary>
    private static Applied PartialRefund(TransactionState transaction, decimal amount, MemberState member, AccountSettings settings)
    {
        var refundedAmount = transaction.RefundedAmount + amount;
        if (refundedAmount >= transaction.Total)
        {
            return Refund(transaction, refundedAmount, member);
        }
        var target = Math.Min(transaction.Earned, settings.PointsFor(refundedAmount));
        var taken = Math.Max(0, target - transaction.RefundedPoints);
        var refunded = transaction with
        {
            Status = TransactionStatus.PartiallyRefunded,
            RefundedPoints = transaction.RefundedPoints + taken,
            RefundedAmount = refundedAmount,
        };
        return new Applied(member.AddScore(-taken), refunded, -taken);
    }
}
