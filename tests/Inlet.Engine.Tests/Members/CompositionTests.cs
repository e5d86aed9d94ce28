using System.Collections.Immutable;
using CsCheck;
using Inlet.Engine.Members;
using static Inlet.Engine.Members.EffectResult;
using static Inlet.Engine.Tests.Members.Effects;

namespace Inlet.Engine.Tests.Members;

/// <summary>Sequences of events, each applied to the states the previous ones stored, as the host does.</summary>
public class CompositionTests
{
    /// <summary>What the host keeps between events: the member and the transactions by id.</summary>
    private sealed class Ledger(AccountSettings settings, MemberState? member = null)
    {
        private ImmutableDictionary<string, TransactionState> _transactions = ImmutableDictionary<string, TransactionState>.Empty;

        public MemberState Member => member ?? throw new InvalidOperationException("No member yet");

        public long DeltaSum { get; private set; }

        public TransactionState this[string id] => _transactions[id];

        public EffectResult Send(string action, string data, AccountSettings? changed = null)
        {
            var id = Data(data)["transaction_id"]?.GetValue<string>();
            var known = id is not null ? _transactions.GetValueOrDefault(id) : null;
            var result = Apply(action, data, member, known, changed ?? settings);
            if (result is Applied applied)
            {
                member = applied.Member;
                DeltaSum += applied.PointsDelta;
                if (applied.Transaction is { } transaction)
                {
                    _transactions = _transactions.SetItem(transaction.Id, transaction);
                }
            }
            return result;
        }

        public void Balances(long score, long spent, long pending) =>
            Assert.Equal((score, spent, pending), (Member.Score, Member.Spent, Member.Pending));
    }

    [Fact]
    public void CheckoutAcceptPartialRefundAndRefundTakeBackExactlyWhatWasEarned()
    {
        var ledger = new Ledger(Settings(earnRate: 2.5), Member(20));
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':40.3,'points_burned':15}"));
        ledger.Balances(20, 15, 100);
        Applied(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"));
        ledger.Balances(120, 15, 0);
        Applied(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':10.1}"));
        ledger.Balances(95, 15, 0);
        Applied(ledger.Send("refund", "{'transaction_id':'t1'}"));
        ledger.Balances(20, 0, 0);
        Assert.Equal((0, TransactionStatus.Refunded), (ledger.DeltaSum, ledger["t1"].Status));
    }

    [Fact]
    public void CheckoutWithBurnedPointsThenRejectGivesTheBurnedPointsBack()
    {
        var ledger = new Ledger(Settings(), Member(50));
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':20,'points_burned':30}"));
        Assert.Equal(20, ledger.Member.Spendable);
        Applied(ledger.Send("checkout_reject", "{'transaction_id':'t1'}"));
        ledger.Balances(50, 0, 0);
        Assert.Equal(50, ledger.Member.Spendable);
    }

    [Fact]
    public void AcceptingTwiceIsAConflict()
    {
        var ledger = new Ledger(Settings(), Member());
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':20}"));
        Applied(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"));
        Rejected(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"), RejectionCodes.TransactionNotPending, RejectionKind.Conflict);
        ledger.Balances(20, 0, 0);
    }

    [Fact]
    public void RefundingTwiceIsAConflict()
    {
        var ledger = new Ledger(Settings(checkoutPending: false), Member());
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':20}"));
        Applied(ledger.Send("refund", "{'transaction_id':'t1'}"));
        Rejected(ledger.Send("refund", "{'transaction_id':'t1'}"), RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict);
        Rejected(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':1}"), RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict);
        ledger.Balances(0, 0, 0);
    }

    [Fact]
    public void ARejectedCheckoutCannotBeAcceptedOrRefunded()
    {
        var ledger = new Ledger(Settings(), Member());
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':20}"));
        Applied(ledger.Send("checkout_reject", "{'transaction_id':'t1'}"));
        Rejected(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"), RejectionCodes.TransactionNotPending, RejectionKind.Conflict);
        Rejected(ledger.Send("refund", "{'transaction_id':'t1'}"), RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict);
        Rejected(ledger.Send("checkout", "{'transaction_id':'t1','total':20}"), RejectionCodes.TransactionExists, RejectionKind.Conflict);
    }

    [Fact]
    public void SplittingARefundNeverChangesThePointsTakenBack()
    {
        var ledger = new Ledger(Settings(earnRate: 2.5, checkoutPending: false), Member());
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':10}"));
        Applied(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':0.3}"));
        Applied(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':0.3}"));
        Assert.Equal((24L, 1L), (ledger.Member.Score, ledger["t1"].RefundedPoints));
    }

    [Fact]
    public void PartialRefundsAtAHigherRateNeverTakeBackMoreThanEarned()
    {
        var ledger = new Ledger(Settings(checkoutPending: false), Member(100));
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':10}"));
        Applied(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':3}", Settings(earnRate: 5)));
        Applied(ledger.Send("partial_refund", "{'transaction_id':'t1','amount':3}", Settings(earnRate: 5)));
        ledger.Balances(100, 0, 0);
        Assert.Equal(TransactionStatus.PartiallyRefunded, ledger["t1"].Status);
    }

    [Fact]
    public void AnyPartialRefundsTakeBackAtMostWhatWasEarnedAndAllOfItOnceTheTotalIsReached() =>
        Gen.Int[1, 6000].Select(cents => cents / 100m).Array[1, 12].Sample(amounts =>
        {
            var ledger = new Ledger(Settings(earnRate: 2.5), Member());
            Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':50,'points_burned':0}"));
            Applied(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"));
            var refunded = 0m;
            foreach (var amount in amounts)
            {
                var result = ledger.Send("partial_refund", $"{{'transaction_id':'t1','amount':{amount}}}");
                if (refunded >= 50)
                {
                    Rejected(result, RejectionCodes.TransactionNotAccepted, RejectionKind.Conflict);
                    continue;
                }
                refunded += amount;
                Applied(result);
                Assert.InRange(ledger.Member.Score, 0, 125);
                Assert.Equal(refunded >= 50 ? 0 : 125 - Math.Min(125, (long)decimal.Floor(refunded * 2.5m)), ledger.Member.Score);
            }
        });

    [Fact]
    public void AcceptItemsOfAnUnknownTransactionAwardTheTotalOnceAndRejectARepeatedItem()
    {
        var ledger = new Ledger(Settings(), Member());
        Applied(ledger.Send("checkout_accept_item", "{'transaction_id':'t1','total':35.5,'product_id':'p1','subtotal':20,'quantity':1}"));
        Applied(ledger.Send("checkout_accept_item", "{'transaction_id':'t1','total':35.5,'product_id':'p2','subtotal':15.5,'quantity':1}"));
        Rejected(ledger.Send("checkout_accept_item", "{'transaction_id':'t1','total':35.5,'product_id':'p1','subtotal':20,'quantity':1}"),
            RejectionCodes.ItemExists, RejectionKind.Conflict);
        ledger.Balances(35, 0, 0);
        Assert.Equal(35, ledger.DeltaSum);
        Assert.Equal(["p1", "p2"], ledger["t1"].Items.Select(i => i.ProductId));
        Assert.Equal(TransactionStatus.Accepted, ledger["t1"].Status);
    }

    [Fact]
    public void ItemsRecordedOnAPendingCheckoutAreAcceptedOneByOneWithoutMovingPoints()
    {
        var ledger = new Ledger(Settings(), Member());
        Applied(ledger.Send("checkout", "{'transaction_id':'t1','total':30}"));
        Applied(ledger.Send("checkout_item", "{'transaction_id':'t1','product_id':'p1','quantity':1,'subtotal':30}"));
        Rejected(ledger.Send("checkout_item", "{'transaction_id':'t1','product_id':'p1'}"), RejectionCodes.ItemExists, RejectionKind.Conflict);
        Applied(ledger.Send("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1'}"));
        Rejected(ledger.Send("checkout_accept_item", "{'transaction_id':'t1','product_id':'p1'}"), RejectionCodes.ItemExists, RejectionKind.Conflict);
        ledger.Balances(0, 0, 30);
        Applied(ledger.Send("checkout_accept", "{'transaction_id':'t1'}"));
        ledger.Balances(30, 0, 0);
    }

    [Fact]
    public void OptOutThenOptInRestoresAMemberWhoCanEarnAgain()
    {
        var ledger = new Ledger(Settings());
        Applied(ledger.Send("opt_in", "{'email':'ann@example.com'}"));
        Applied(ledger.Send("point_add", "{'points':10}"));
        Applied(ledger.Send("opt_out", "{}"));
        Rejected(ledger.Send("point_add", "{'points':10}"), RejectionCodes.CustomerOptedOut, RejectionKind.BusinessRule);
        Applied(ledger.Send("opt_in", "{}"));
        Applied(ledger.Send("point_add", "{'points':5}"));
        ledger.Balances(15, 0, 0);
        Assert.Equal("ann@example.com", ledger.Member.Profile["email"]);
    }
}
