using Inlet.Engine.Events;
using static Inlet.Engine.Members.EffectResult;

namespace Inlet.Engine.Members;

/// <summary>
/// The effect of an event on its member (spec §6): a pure function from the loaded state to the new state, or a
/// rejection. The host loads the <see cref="EffectContext"/>, calls <see cref="Apply"/> and stores the result in one
/// database transaction; a rejection changes nothing, not even the enrollment of an unknown customer.
/// </summary>
public static class EventEffects
{
    public static EffectResult Apply(MappedEvent ev, EventType type, EffectContext context, AccountSettings settings)
    {
        ArgumentNullException.ThrowIfNull(ev);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            return type is { BuiltIn: true, Name: "opt_in" } ? OptIn(ev, context.Member) : ApplyToMember(ev, type, context, settings);
        }
        catch (OverflowException)
        {
            return Rejections.Invalid("The points or amounts of this event exceed the range of a balance.");
        }
    }

    private static EffectResult ApplyToMember(MappedEvent ev, EventType type, EffectContext context, AccountSettings settings)
    {
        // With Park, a profile event enrolls the member too (its parked events then follow).
        var enrolls = settings.UnknownCustomer == UnknownCustomerPolicy.Create || (settings.UnknownCustomer == UnknownCustomerPolicy.Park && type is { BuiltIn: true, Name: "profile" });
        var member = context.Member ?? (enrolls ? MemberState.New(ev.Customer) : null);
        if (member is null)
        {
            return Rejections.CustomerNotFound(ev.Customer);
        }
        if (member.Status == MemberStatus.OptedOut)
        {
            return Rejections.CustomerOptedOut(member.Id);
        }
        if (!type.BuiltIn)
        {
            return Custom(type, member, context.OnceAlreadyOccurred, settings);
        }
        var data = ev.Data;
        return type.Name switch
        {
            "point_add" => EventData.Integer(data, "points") is { } points and > 0
                ? new Applied(member.AddScore(points), null, points)
                : Rejections.Missing("points", "an integer above 0"),
            "point_sub" => EventData.Integer(data, "points") is { } points and > 0
                ? Debit(member, points, settings)
                : Rejections.Missing("points", "an integer above 0"),
            "opt_out" => new Applied(member with { Status = MemberStatus.OptedOut }, null, 0),
            "profile" => new Applied(member.MergeProfile(EventData.ProfileAttributes(data)).MergeLabels(EventData.Labels(data)), null, 0),
            "refund" or "partial_refund" => RefundEffects.Apply(type.Name, data, member, context.Transaction, settings),
            _ => CheckoutEffects.Apply(type.Name, data, member, context.Transaction, settings),
        };
    }

    /// <summary>Creates an unknown member, re-activates an opted-out one; either way the profile and labels are merged.</summary>
    private static EffectResult OptIn(MappedEvent ev, MemberState? known)
    {
        if (known is { Status: MemberStatus.Active })
        {
            return Rejections.AlreadyOptedIn(known.Id);
        }
        var member = (known ?? MemberState.New(ev.Customer)) with { Status = MemberStatus.Active };
        return new Applied(member.MergeProfile(EventData.ProfileAttributes(ev.Data)).MergeLabels(EventData.Labels(ev.Data)), null, 0);
    }

    private static EffectResult Custom(EventType type, MemberState member, bool alreadyOccurred, AccountSettings settings)
    {
        if (type.Once && alreadyOccurred)
        {
            return Rejections.AlreadyOccurred(member.Id, type.Name);
        }
        return (type.Points ?? 0) switch
        {
            0 => new Applied(member, null, 0),
            < 0 and var penalty => Debit(member, checked(-penalty), settings),
            var points => new Applied(member.AddScore(points), null, points),
        };
    }

    /// <summary>score −= points, unless spendable would go below zero and the account does not allow it.</summary>
    private static EffectResult Debit(MemberState member, long points, AccountSettings settings) =>
        !settings.AllowNegativeBalance && member.Spendable < points
            ? Rejections.InsufficientPoints(points, member.Spendable)
            : new Applied(member.AddScore(-points), null, -points);
}
