using System.Collections.Immutable;

namespace Inlet.Engine.Members;

public enum TransactionStatus { Pending, Accepted, Rejected, Refunded, PartiallyRefunded }

/// <summary>
/// One line of a transaction, from a checkout's <c>items</c> or an item event; (transaction, product id) is its business key.
/// <see cref="Accepted"/> is set by checkout_accept_item, by checkout_accept for every line, or by a checkout accepted straight away.
/// </summary>
public sealed record LineItem(
    string ProductId,
    string? ProductName = null,
    long? Quantity = null,
    decimal? Price = null,
    decimal? Subtotal = null,
    bool Accepted = false);

/// <summary>
/// A purchase as the checkout events build it (spec §6). <see cref="Earned"/> is what the checkout earned
/// (in pending or in score, by <see cref="Status"/>), <see cref="Burned"/> what it spent, and
/// <see cref="RefundedPoints"/>/<see cref="RefundedAmount"/> what refunds have taken back so far.
/// </summary>
public sealed record TransactionState(
    string Id,
    string MemberId,
    TransactionStatus Status,
    decimal Total,
    string? Currency,
    long Earned,
    long Burned,
    long RefundedPoints,
    decimal RefundedAmount,
    ImmutableList<LineItem> Items)
{
    public static TransactionState New(string id, string memberId, TransactionStatus status, decimal total, long earned) =>
        new(id, memberId, status, total, Currency: null, earned, Burned: 0, RefundedPoints: 0, RefundedAmount: 0, Items: []);

    /// <summary>Earned points still held by the member: earned − refunded so far.</summary>
    public long Refundable => Earned - RefundedPoints;

    public bool HasItem(string productId) => Items.Exists(i => i.ProductId == productId);

    /// <summary>The first line of that product not accepted yet, if any.</summary>
    public int UnacceptedItemIndex(string productId) => Items.FindIndex(i => i.ProductId == productId && !i.Accepted);
}
