using System.Collections.Immutable;
using System.Text.Json.Nodes;
using static Inlet.Engine.Members.EffectResult;
using static Inlet.Engine.Members.EventData;

namespace Inlet.Engine.Members;

/// <summary>checkout, checkout_item, checkout_accept, checkout_accept_item and checkout_reject (spec §6).</summary>
internal static class CheckoutEffects
{
    public static EffectResult Apply(string action, JsonObject data, MemberState member, TransactionState? known, AccountSettings settings)
    {
        if (Text(data, "transaction_id") is not { } id)
        {
            return Rejections.Missing("transaction_id", "a string");
        }
        if (action == "checkout")
        {
            return known is null ? Checkout(id, data, member, settings) : Rejections.TransactionExists(id);
        }
        if (known is not null && known.MemberId != member.Id)
        {
            return Rejections.TransactionOtherCustomer(id);
        }
        var total = Number(data, "total");
        if (action is "checkout_item" or "checkout_accept_item")
        {
            return Item(data, accepted: action == "checkout_accept_item") is { } item
                ? ItemEvent(id, item, total, member, known, settings)
                : Rejections.Missing("product_id", "a string");
        }
        return (action, known, total) switch
        {
            ("checkout_accept", null, { } t) => CreateAccepted(id, t, member, settings, []),
            ("checkout_accept", null, null) => Rejections.TransactionNotFound(id, totalCreates: true),
            ("checkout_accept", { } tx, _) => Accept(tx, total, member, settings),
            ("checkout_reject", null, _) => Rejections.TransactionNotFound(id, totalCreates: false),
            ("checkout_reject", { } tx, _) => Reject(tx, member),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Not a checkout action."),
        };
    }

    /// <summary>checkout_item records a line; checkout_accept_item accepts one, creating the transaction when unknown and given a total.</summary>
    private static EffectResult ItemEvent(string id, LineItem item, decimal? total, MemberState member, TransactionState? known, AccountSettings settings) =>
        (known, item.Accepted, total) switch
        {
            (null, true, { } t) => CreateAccepted(id, t, member, settings, [item]),
            (null, _, _) => Rejections.TransactionNotFound(id, totalCreates: item.Accepted),
            ({ } tx, true, _) => AcceptItem(tx, item, member),
            ({ } tx, false, _) => RecordItem(tx, item, member),
        };

    /// <summary>The burn is checked against the balance before this purchase earns: a purchase cannot pay for itself.</summary>
    private static EffectResult Checkout(string id, JsonObject data, MemberState member, AccountSettings settings)
    {
        if (Number(data, "total") is not ({ } total and >= 0))
        {
            return Rejections.Missing("total", "a number of 0 or more");
        }
        var burned = Integer(data, "points_burned") ?? 0;
        if (burned < 0)
        {
            return Rejections.Invalid("data.points_burned must be 0 or more.");
        }
        if (!settings.AllowNegativeBalance && member.Spendable < burned)
        {
            return Rejections.InsufficientPoints(burned, member.Spendable);
        }
        var items = ImmutableList.CreateBuilder<LineItem>();
        foreach (var element in data["items"] as JsonArray ?? [])
        {
            if (element is not JsonObject line || Item(line, accepted: !settings.CheckoutPending) is not { } item)
            {
                return Rejections.Invalid($"data.items[{items.Count}] needs a product_id.");
            }
            if (items.Exists(i => i.ProductId == item.ProductId))
            {
                // A line per product keeps (transaction, product) a business key the store can enforce.
                return Rejections.Invalid($"data.items[{items.Count}]: product {item.ProductId} appears twice; send one line per product, with its quantity.");
            }
            items.Add(item);
        }
        var earned = settings.PointsFor(total);
        var status = settings.CheckoutPending ? TransactionStatus.Pending : TransactionStatus.Accepted;
        var transaction = TransactionState.New(id, member.Id, status, total, earned) with
        {
            Currency = Text(data, "currency"),
            Burned = burned,
            Items = items.ToImmutable(),
        };
        member = member.AddSpent(burned);
        return settings.CheckoutPending
            ? new Applied(member.AddPending(earned), transaction, 0)
            : new Applied(member.AddScore(earned), transaction, earned);
    }

    /// <summary>An accept for an unknown transaction that names its total: the purchase is registered accepted, earning once.</summary>
    private static Applied CreateAccepted(string id, decimal total, MemberState member, AccountSettings settings, ImmutableList<LineItem> items)
    {
        var earned = settings.PointsFor(total);
        var transaction = TransactionState.New(id, member.Id, TransactionStatus.Accepted, total, earned) with { Items = items };
        return new Applied(member.AddScore(earned), transaction, earned);
    }

    /// <summary>A total on the accept is the final amount of the purchase (e.g. adjusted by the shop): earned is recomputed from it.</summary>
    private static EffectResult Accept(TransactionState transaction, decimal? total, MemberState member, AccountSettings settings)
    {
        if (transaction.Status != TransactionStatus.Pending)
        {
            return Rejections.TransactionNotPending(transaction);
        }
        var earned = total is { } t ? settings.PointsFor(t) : transaction.Earned;
        var accepted = transaction with
        {
            Status = TransactionStatus.Accepted,
            Total = total ?? transaction.Total,
            Earned = earned,
            Items = [.. transaction.Items.Select(i => i with { Accepted = true })],
        };
        return new Applied(member.AddPending(-transaction.Earned).AddScore(earned), accepted, earned);
    }

    /// <summary>The pending points are dropped and the burned points given back.</summary>
    private static EffectResult Reject(TransactionState transaction, MemberState member) =>
        transaction.Status != TransactionStatus.Pending
            ? Rejections.TransactionNotPending(transaction)
            : new Applied(
                member.AddPending(-transaction.Earned).AddSpent(-transaction.Burned),
                transaction with { Status = TransactionStatus.Rejected },
                0);

    private static EffectResult RecordItem(TransactionState transaction, LineItem item, MemberState member) =>
        transaction.HasItem(item.ProductId)
            ? Rejections.ItemExists(transaction.Id, item.ProductId, accepted: false)
            : new Applied(member, transaction with { Items = transaction.Items.Add(item) }, 0);

    /// <summary>Accepts the recorded line of that product (the attributes sent override it), or adds the line accepted. Never moves points.</summary>
    private static EffectResult AcceptItem(TransactionState transaction, LineItem item, MemberState member)
    {
        var index = transaction.UnacceptedItemIndex(item.ProductId);
        if (index >= 0)
        {
            var line = transaction.Items[index];
            var merged = line with
            {
                Quantity = item.Quantity ?? line.Quantity,
                Subtotal = item.Subtotal ?? line.Subtotal,
                Accepted = true,
            };
            return new Applied(member, transaction with { Items = transaction.Items.SetItem(index, merged) }, 0);
        }
        return transaction.HasItem(item.ProductId)
            ? Rejections.ItemExists(transaction.Id, item.ProductId, accepted: true)
            : new Applied(member, transaction with { Items = transaction.Items.Add(item) }, 0);
    }
}
