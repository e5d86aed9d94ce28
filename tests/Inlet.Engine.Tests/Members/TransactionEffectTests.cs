using Inlet.Engine.Members;
using static Inlet.Engine.Tests.Members.Effects;

namespace Inlet.Engine.Tests.Members;

/// <summary>
/// The checkout and refund rows of spec §6 as tables. Transaction keys are the fixtures of <see cref="Effects.Transaction"/>
/// (t1: total 40, earned 40, burned 10, line p1); balances are (score, spent, pending) before and after.
/// </summary>
public class TransactionEffectTests
{
    [Theory]
    // checkout: earned = floor(total × rate) to pending, or to score when checkoutPending is off; burned to spent.
    [InlineData("checkout", "{'transaction_id':'t9','total':19.99}", 0, 0, 0, "none", 1, true, 0, 0, 19, 0, TransactionStatus.Pending)]
    [InlineData("checkout", "{'transaction_id':'t9','total':19.99}", 0, 0, 0, "none", 2.5, true, 0, 0, 49, 0, TransactionStatus.Pending)]
    [InlineData("checkout", "{'transaction_id':'t9','total':19.99}", 0, 0, 0, "none", 1, false, 19, 0, 0, 19, TransactionStatus.Accepted)]
    [InlineData("checkout", "{'transaction_id':'t9','total':19.99}", 0, 0, 0, "none", 2.5, false, 49, 0, 0, 49, TransactionStatus.Accepted)]
    [InlineData("checkout", "{'transaction_id':'t9','total':0}", 5, 0, 0, "none", 2.5, true, 5, 0, 0, 0, TransactionStatus.Pending)]
    [InlineData("checkout", "{'transaction_id':'t9','total':20,'points_burned':30}", 50, 0, 0, "none", 1, true, 50, 30, 20, 0, TransactionStatus.Pending)]
    [InlineData("checkout", "{'transaction_id':'t9','total':20,'points_burned':10}", 10, 0, 0, "none", 1, false, 30, 10, 0, 20, TransactionStatus.Accepted)]
    // checkout_accept: pending moves to score; a total recomputes earned; unknown with total is created accepted.
    [InlineData("checkout_accept", "{'transaction_id':'t1'}", 100, 10, 40, "pending", 1, true, 140, 10, 0, 40, TransactionStatus.Accepted)]
    [InlineData("checkout_accept", "{'transaction_id':'t1','total':60}", 100, 10, 40, "pending", 1, true, 160, 10, 0, 60, TransactionStatus.Accepted)]
    [InlineData("checkout_accept", "{'transaction_id':'t9','total':20.5}", 0, 0, 0, "none", 2.5, true, 51, 0, 0, 51, TransactionStatus.Accepted)]
    // checkout_item and checkout_accept_item record lines; only an accept item creating its transaction earns.
    [InlineData("checkout_item", "{'transaction_id':'t1','product_id':'p2','quantity':2}", 100, 10, 40, "pending", 1, true, 100, 10, 40, 0, TransactionStatus.Pending)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1'}", 100, 10, 40, "pending", 1, true, 100, 10, 40, 0, TransactionStatus.Pending)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t1','product_id':'p2','total':99}", 140, 10, 0, "accepted", 1, true, 140, 10, 0, 0, TransactionStatus.Accepted)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t9','product_id':'p1','total':30,'subtotal':10,'quantity':1}", 0, 0, 0, "none", 2.5, true, 75, 0, 0, 75, TransactionStatus.Accepted)]
    // checkout_reject: pending dropped, burned given back.
    [InlineData("checkout_reject", "{'transaction_id':'t1'}", 100, 10, 40, "pending", 1, true, 100, 0, 0, 0, TransactionStatus.Rejected)]
    // refund: what is left of earned taken back, burned given back, even below zero.
    [InlineData("refund", "{'transaction_id':'t1'}", 140, 10, 0, "accepted", 1, true, 100, 0, 0, -40, TransactionStatus.Refunded)]
    [InlineData("refund", "{'transaction_id':'t1'}", 130, 10, 0, "partially_refunded", 1, true, 100, 0, 0, -30, TransactionStatus.Refunded)]
    [InlineData("refund", "{'transaction_id':'t1'}", 40, 35, 0, "accepted", 1, true, 0, 25, 0, -40, TransactionStatus.Refunded)]
    // partial_refund: floor(amount × rate), never more than earned; refunded once the amounts reach the total.
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':15}", 140, 10, 0, "accepted", 1, true, 125, 10, 0, -15, TransactionStatus.PartiallyRefunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':15}", 140, 10, 0, "accepted", 2.5, true, 103, 10, 0, -37, TransactionStatus.PartiallyRefunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':39.99}", 140, 10, 0, "accepted", 2.5, true, 100, 10, 0, -40, TransactionStatus.PartiallyRefunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':5}", 130, 10, 0, "partially_refunded", 1, true, 125, 10, 0, -5, TransactionStatus.PartiallyRefunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':40}", 140, 10, 0, "accepted", 1, true, 100, 0, 0, -40, TransactionStatus.Refunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':30}", 130, 10, 0, "partially_refunded", 1, true, 100, 0, 0, -30, TransactionStatus.Refunded)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':1}", 0, 10, 0, "accepted", 1, true, -1, 10, 0, -1, TransactionStatus.PartiallyRefunded)]
    public void ATransactionEventMovesPointsAsTheCatalogSays(string action, string data,
        long score, long spent, long pending, string transaction, double earnRate, bool checkoutPending,
        long newScore, long newSpent, long newPending, long delta, TransactionStatus status)
    {
        var result = Apply(action, data, Member(score, spent, pending), Transaction(transaction), Settings(earnRate, checkoutPending));
        var applied = Applied(result);
        Assert.Equal((newScore, newSpent, newPending, delta), (applied.Member.Score, applied.Member.Spent, applied.Member.Pending, applied.PointsDelta));
        Assert.Equal(status, applied.Transaction?.Status);
        Assert.Equal(Customer, applied.Transaction?.MemberId);
    }

    [Theory]
    [InlineData("checkout", "{'transaction_id':'t1','total':10}", "pending", RejectionCodes.TransactionExists, RejectionKind.Conflict)]
    [InlineData("checkout", "{'transaction_id':'t1','total':10}", "other", RejectionCodes.TransactionExists, RejectionKind.Conflict)]
    [InlineData("checkout", "{'transaction_id':'t9','total':10,'points_burned':41}", "none", RejectionCodes.InsufficientPoints, RejectionKind.BusinessRule)]
    [InlineData("checkout", "{'transaction_id':'t9','total':10,'items':[{'quantity':1}]}", "none", RejectionCodes.InvalidEvent, RejectionKind.BusinessRule)]
    [InlineData("checkout_item", "{'transaction_id':'t1','product_id':'p2'}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("checkout_item", "{'transaction_id':'t1','product_id':'p1'}", "pending", RejectionCodes.ItemExists, RejectionKind.Conflict)]
    [InlineData("checkout_item", "{'transaction_id':'t1','product_id':'p2'}", "other", RejectionCodes.TransactionOtherCustomer, RejectionKind.Conflict)]
    [InlineData("checkout_accept", "{'transaction_id':'t1'}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("checkout_accept", "{'transaction_id':'t1'}", "accepted", RejectionCodes.TransactionNotPending, RejectionKind.Conflict)]
    [InlineData("checkout_accept", "{'transaction_id':'t1','total':40}", "rejected", RejectionCodes.TransactionNotPending, RejectionKind.Conflict)]
    [InlineData("checkout_accept", "{'transaction_id':'t1'}", "refunded", RejectionCodes.TransactionNotPending, RejectionKind.Conflict)]
    [InlineData("checkout_accept", "{'transaction_id':'t1','total':40}", "other", RejectionCodes.TransactionOtherCustomer, RejectionKind.Conflict)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1'}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1','total':40}", "accepted", RejectionCodes.ItemExists, RejectionKind.Conflict)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t1','total':40}", "none", RejectionCodes.InvalidEvent, RejectionKind.BusinessRule)]
    [InlineData("checkout_reject", "{'transaction_id':'t1'}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("checkout_reject", "{'transaction_id':'t1'}", "accepted", RejectionCodes.TransactionNotPending, RejectionKind.Conflict)]
    [InlineData("checkout_reject", "{'transaction_id':'t1'}", "rejected", RejectionCodes.TransactionNotPending, RejectionKind.Conflict)]
    [InlineData("refund", "{'transaction_id':'t1'}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("refund", "{'transaction_id':'t1'}", "pending", RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict)]
    [InlineData("refund", "{'transaction_id':'t1'}", "rejected", RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict)]
    [InlineData("refund", "{'transaction_id':'t1'}", "refunded", RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict)]
    [InlineData("refund", "{'transaction_id':'t1'}", "other", RejectionCodes.TransactionOtherCustomer, RejectionKind.Conflict)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':5}", "none", RejectionCodes.TransactionNotFound, RejectionKind.BusinessRule)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':5}", "pending", RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':5}", "refunded", RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict)]
    [InlineData("partial_refund", "{'transaction_id':'t1','amount':0}", "accepted", RejectionCodes.InvalidEvent, RejectionKind.BusinessRule)]
    [InlineData("partial_refund", "{'transaction_id':'t1'}", "accepted", RejectionCodes.InvalidEvent, RejectionKind.BusinessRule)]
    public void ATransactionEventThatBreaksARuleIsRejected(string action, string data, string transaction, string code, RejectionKind kind) =>
        Rejected(Apply(action, data, Member(140, 100), Transaction(transaction)), code, kind);

    [Fact]
    public void CheckoutBurnIsCheckedBeforeThePurchaseEarnsEvenWhenPointsGoStraightToScore() =>
        Rejected(Apply("checkout", "{'transaction_id':'t9','total':100,'points_burned':15}", Member(10), settings: Settings(checkoutPending: false)),
            RejectionCodes.InsufficientPoints, RejectionKind.BusinessRule);

    [Fact]
    public void CheckoutBurnBelowZeroAppliesWhenNegativeBalancesAreAllowed()
    {
        var applied = Applied(Apply("checkout", "{'transaction_id':'t9','total':10,'points_burned':5}", Member(), settings: Settings(allowNegative: true)));
        Assert.Equal((-5, 10), (applied.Member.Spendable, applied.Member.Pending));
    }

    [Fact]
    public void CheckoutWithTheSameProductOnTwoLinesIsRejectedAsInvalid() =>
        Rejected(Apply("checkout", "{'transaction_id':'t9','total':30,'items':[{'product_id':'p1'},{'product_id':'p1'}]}", Member()),
            RejectionCodes.InvalidEvent, RejectionKind.BusinessRule);

    [Fact]
    public void CheckoutRecordsItsItemsAndCurrencyOnTheTransaction()
    {
        var applied = Applied(Apply("checkout",
            "{'transaction_id':'t9','total':30,'currency':'EUR','items':[{'product_id':'p1','product_name':'Mug','quantity':2,'price':10,'subtotal':20},{'product_id':'p2'}]}",
            Member()));
        var transaction = applied.Transaction!;
        Assert.Equal(("t9", "EUR", 30m, 30L, 0L), (transaction.Id, transaction.Currency, transaction.Total, transaction.Earned, transaction.Burned));
        Assert.Equal([new LineItem("p1", "Mug", 2, 10, 20), new LineItem("p2")], transaction.Items);
    }

    [Fact]
    public void CheckoutAcceptAcceptsEveryLineOfTheTransaction()
    {
        var applied = Applied(Apply("checkout_accept", "{'transaction_id':'t1'}", Member(100, 10, 40), Transaction("pending")));
        Assert.All(applied.Transaction!.Items, item => Assert.True(item.Accepted));
    }

    [Fact]
    public void CheckoutAcceptItemAcceptsTheRecordedLineKeepingWhatItDoesNotResend()
    {
        var applied = Applied(Apply("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1','quantity':3}", Member(100, 10, 40), Transaction("pending")));
        Assert.Equal([new LineItem("p1", Quantity: 3, Subtotal: 40, Accepted: true)], applied.Transaction!.Items);
    }
}
