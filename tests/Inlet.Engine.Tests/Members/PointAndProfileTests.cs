using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using static Inlet.Engine.Tests.Members.Effects;

namespace Inlet.Engine.Tests.Members;

/// <summary>point_add, point_sub, custom types, opt_in, opt_out and profile (spec §6).</summary>
public class PointAndProfileTests
{
    [Theory]
    [InlineData("point_add", 5, 0, 0, false, 5, 5)]
    [InlineData("point_add", 5, -20, 0, false, -15, 5)]
    [InlineData("point_sub", 5, 10, 0, false, 5, -5)]
    [InlineData("point_sub", 5, 10, 5, false, 5, -5)]
    [InlineData("point_sub", 5, 3, 0, true, -2, -5)]
    public void PointEventsChangeTheScoreBySignedPoints(string action, long points, long score, long spent, bool allowNegative, long newScore, long delta)
    {
        var applied = Applied(Apply(action, $"{{'points':{points}}}", Member(score, spent), settings: Settings(allowNegative: allowNegative)));
        Assert.Equal((newScore, spent, delta), (applied.Member.Score, applied.Member.Spent, applied.PointsDelta));
        Assert.Null(applied.Transaction);
    }

    [Theory]
    [InlineData(4, 0)]
    [InlineData(10, 6)]
    [InlineData(-3, 0)]
    public void PointSubBelowZeroIsRejectedWithInsufficientPoints(long score, long spent) =>
        Rejected(Apply("point_sub", "{'points':5}", Member(score, spent)), RejectionCodes.InsufficientPoints, RejectionKind.BusinessRule);

    [Theory]
    [InlineData("point_add", "{'points':0}")]
    [InlineData("point_sub", "{}")]
    [InlineData("point_sub", "{'points':'five'}")]
    public void PointEventsWithoutPositivePointsAreRejectedAsInvalid(string action, string data) =>
        Rejected(Apply(action, data, Member(10)), RejectionCodes.InvalidEvent, RejectionKind.BusinessRule);

    [Fact]
    public void ConvertedDataOfLongAndDecimalValuesIsRead()
    {
        var ev = new MappedEvent(Customer, "checkout", new JsonObject { ["transaction_id"] = "t9", ["total"] = 12.5m, ["points_burned"] = 2L });
        var applied = Applied(EventEffects.Apply(ev, BuiltIn("checkout"), new EffectContext(Member(10)), Settings(earnRate: 2)));
        Assert.Equal((25, 2), (applied.Member.Pending, applied.Member.Spent));
    }

    [Theory]
    [InlineData(null, false, false, 10, 0)]
    [InlineData(7L, false, false, 17, 7)]
    [InlineData(7L, true, false, 17, 7)]
    [InlineData(-4L, false, false, 6, -4)]
    public void ACustomTypeAwardsItsPoints(long? points, bool once, bool occurred, long score, long delta)
    {
        var type = new EventType("review_written", "Review written", [], BuiltIn: false, Points: points, Once: once);
        var applied = Applied(Apply("review_written", "{}", Member(10), onceOccurred: occurred, type: type));
        Assert.Equal((score, delta), (applied.Member.Score, applied.PointsDelta));
    }

    [Fact]
    public void ACustomOnceTypeThatAlreadyOccurredIsRejectedWithAlreadyOccurred()
    {
        var type = new EventType("newsletter_signup", "Newsletter signup", [], BuiltIn: false, Points: 50, Once: true);
        Rejected(Apply("newsletter_signup", "{}", Member(), onceOccurred: true, type: type), RejectionCodes.AlreadyOccurred, RejectionKind.Conflict);
    }

    [Fact]
    public void ACustomTypeWithNegativePointsBelowZeroIsRejectedWithInsufficientPoints()
    {
        var type = new EventType("late_return", "Late return", [], BuiltIn: false, Points: -20);
        Rejected(Apply("late_return", "{}", Member(10), type: type), RejectionCodes.InsufficientPoints, RejectionKind.BusinessRule);
    }

    [Fact]
    public void OptInCreatesAnUnknownMemberWithItsProfileAndLabels()
    {
        var applied = Applied(Apply("opt_in",
            "{'email':'ann@example.com','first_name':'Ann','tier':'gold','age':41,'vip':true,'labels':['new','mparticle','new'],'effective_timestamp':'2025-01-02T03:04:05Z'}",
            member: null));
        var member = applied.Member;
        Assert.Equal((Customer, MemberStatus.Active, 0L), (member.Id, member.Status, applied.PointsDelta));
        Assert.Equal(new Dictionary<string, string>
        {
            ["age"] = "41", ["email"] = "ann@example.com", ["first_name"] = "Ann", ["tier"] = "gold", ["vip"] = "true",
        }, member.Profile);
        Assert.Equal(["new", "mparticle"], member.Labels);
    }

    [Fact]
    public void OptInReactivatesAnOptedOutMemberKeepingBalancesAndMergingLabels()
    {
        var optedOut = Member(30, 5, 2, MemberStatus.OptedOut) with { Labels = ["vip"] };
        var applied = Applied(Apply("opt_in", "{'labels':['returning','vip']}", optedOut));
        Assert.Equal(MemberStatus.Active, applied.Member.Status);
        Assert.Equal((30, 5, 2), (applied.Member.Score, applied.Member.Spent, applied.Member.Pending));
        Assert.Equal(["vip", "returning"], applied.Member.Labels);
    }

    [Fact]
    public void OptInOfAnActiveMemberIsRejectedWithAlreadyOptedIn() =>
        Rejected(Apply("opt_in", "{'email':'a@b.c'}", Member()), RejectionCodes.AlreadyOptedIn, RejectionKind.Conflict);

    [Fact]
    public void OptOutSetsTheStatusAndKeepsTheReasonOutOfTheProfile()
    {
        var applied = Applied(Apply("opt_out", "{'reason':'too many emails'}", Member(12)));
        Assert.Equal((MemberStatus.OptedOut, 12L), (applied.Member.Status, applied.Member.Score));
        Assert.Empty(applied.Member.Profile);
    }

    [Fact]
    public void ProfileUpdatesAttributesClearsNullsAndMergesLabelsInInsertionOrder()
    {
        var member = Member() with
        {
            Profile = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                [KeyValuePair.Create("email", "old@example.com"), KeyValuePair.Create("phone", "123")]),
            Labels = ["b", "a"],
        };
        var applied = Applied(Apply("profile", "{'email':'new@example.com','phone':null,'city':'Lyon','labels':['c','a','d']}", member));
        Assert.Equal(new Dictionary<string, string> { ["city"] = "Lyon", ["email"] = "new@example.com" }, applied.Member.Profile);
        Assert.Equal(["b", "a", "c", "d"], applied.Member.Labels);
    }
}
