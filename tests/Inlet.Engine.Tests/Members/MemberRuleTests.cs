using Inlet.Engine.Events;
using Inlet.Engine.Members;
using static Inlet.Engine.Tests.Members.Effects;

namespace Inlet.Engine.Tests.Members;

/// <summary>The rules every action shares: unknown and opted-out members (spec §6).</summary>
public class MemberRuleTests
{
    public static TheoryData<string, string> EveryActionButOptIn => new()
    {
        { "point_add", "{'points':5}" },
        { "point_sub", "{'points':5}" },
        { "checkout", "{'transaction_id':'t9','total':10}" },
        { "checkout_item", "{'transaction_id':'t1','product_id':'p2'}" },
        { "checkout_accept", "{'transaction_id':'t9','total':10}" },
        { "checkout_accept_item", "{'transaction_id':'t9','product_id':'p1','total':10}" },
        { "checkout_reject", "{'transaction_id':'t1'}" },
        { "refund", "{'transaction_id':'t1'}" },
        { "partial_refund", "{'transaction_id':'t1','amount':5}" },
        { "opt_out", "{'reason':'moved'}" },
        { "profile", "{'email':'a@b.c'}" },
    };

    [Theory]
    [MemberData(nameof(EveryActionButOptIn))]
    public void AnyActionButOptInForAnUnknownCustomerIsRejectedWithCustomerNotFound(string action, string data) =>
        Rejected(Apply(action, data, member: null, Transaction("pending")), RejectionCodes.CustomerNotFound, RejectionKind.BusinessRule);

    [Theory]
    [MemberData(nameof(EveryActionButOptIn))]
    public void AnyActionButOptInForAnOptedOutMemberIsRejectedWithCustomerOptedOut(string action, string data) =>
        Rejected(Apply(action, data, Member(100, status: MemberStatus.OptedOut), Transaction("pending"), Settings(create: true)),
            RejectionCodes.CustomerOptedOut, RejectionKind.BusinessRule);

    [Theory]
    [InlineData("point_add", "{'points':5}", 5, 0, 5)]
    [InlineData("checkout", "{'transaction_id':'t9','total':10}", 0, 10, 0)]
    [InlineData("checkout_accept", "{'transaction_id':'t9','total':10}", 10, 0, 10)]
    [InlineData("checkout_accept_item", "{'transaction_id':'t9','product_id':'p1','total':10}", 10, 0, 10)]
    [InlineData("opt_out", "{}", 0, 0, 0)]
    [InlineData("profile", "{'email':'a@b.c'}", 0, 0, 0)]
    public void AnUnknownCustomerIsEnrolledActiveAndTheEventAppliesWhenTheAccountCreatesMembers(
        string action, string data, long score, long pending, long delta)
    {
        var applied = Applied(Apply(action, data, member: null, settings: Settings(create: true)));
        Assert.Equal(Customer, applied.Member.Id);
        Assert.Equal((score, pending, delta), (applied.Member.Score, applied.Member.Pending, applied.PointsDelta));
        Assert.Equal(action == "opt_out" ? MemberStatus.OptedOut : MemberStatus.Active, applied.Member.Status);
    }

    [Fact]
    public void AnEnrollingEventThatBreaksARuleIsRejectedSoNoMemberIsCreated() =>
        Rejected(Apply("point_sub", "{'points':1}", member: null, settings: Settings(create: true)),
            RejectionCodes.InsufficientPoints, RejectionKind.BusinessRule);

    [Fact]
    public void EveryBuiltInTypeOfTheCatalogHasAnEffect()
    {
        const string data = "{'transaction_id':'t1','product_id':'p2','points':1,'total':10,'amount':1}";
        foreach (var type in EventCatalog.BuiltIn.Types)
        {
            Assert.NotNull(Apply(type.Name, data, Member(100, 10, 40), Transaction("pending")));
            Assert.NotNull(Apply(type.Name, data, Member(140, 10), Transaction("accepted")));
        }
    }

    [Fact]
    public void ABalanceThatWouldOverflowIsRejectedAsAnInvalidEvent() =>
        Rejected(Apply("point_add", $"{{'points':{long.MaxValue}}}", Member(1)), RejectionCodes.InvalidEvent, RejectionKind.BusinessRule);

    [Fact]
    public void ATotalWhosePointsExceedTheRangeIsRejectedAsAnInvalidEvent() =>
        Rejected(Apply("checkout", "{'transaction_id':'t9','total':1e25}", Member()), RejectionCodes.InvalidEvent, RejectionKind.BusinessRule);
}
