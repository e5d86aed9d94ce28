using Inlet.Engine.Validation;

namespace Inlet.Engine.Members;

/// <summary>What happens to an event whose customer is not a member yet (spec §6).</summary>
public enum UnknownCustomerPolicy
{
    /// <summary>Every action but <c>opt_in</c> is rejected <c>customer_not_found</c>.</summary>
    Reject,

    /// <summary>Any event enrolls the unknown member (active, empty profile) and then applies.</summary>
    Create,

    /// <summary>
    /// An event for an unknown member is kept (parked) until the member comes into being through an opt-in or a profile
    /// event; then it is registered, in arrival order. Parked events expire after <see cref="AccountSettings.ParkDays"/>.
    /// </summary>
    Park,
}

/// <summary>An account's rules for points and members (spec §6). Immutable; the defaults are the spec's.</summary>
public sealed record AccountSettings
{
    public static AccountSettings Default { get; } = new();

    /// <summary>Points per currency unit on checkouts; the product is rounded down.</summary>
    public decimal EarnRate { get; init; } = 1m;

    /// <summary>Checkout points wait in <c>pending</c> for <c>checkout_accept</c>; when off they go straight to score.</summary>
    public bool CheckoutPending { get; init; } = true;

    public UnknownCustomerPolicy UnknownCustomer { get; init; } = UnknownCustomerPolicy.Reject;

    /// <summary>How many days a parked event waits for its member (with <see cref="UnknownCustomerPolicy.Park"/>).</summary>
    public int ParkDays { get; init; } = 30;

    /// <summary>Lets <c>point_sub</c>, burned points and negative custom points take spendable below zero.</summary>
    public bool AllowNegativeBalance { get; init; }

    /// <summary>floor(amount × earnRate). Throws <see cref="OverflowException"/> past the range of points, which the effects turn into a rejection.</summary>
    public long PointsFor(decimal amount) => (long)decimal.Floor(amount * EarnRate);

    /// <summary>Every fault of these settings, each with the field it concerns.</summary>
    public IReadOnlyList<ValidationError> Validate() =>
    [
        .. EarnRate < 0 ? [new ValidationError("earnRate", "must be 0 or more (points per currency unit, e.g. 1 or 2.5)")] : Array.Empty<ValidationError>(),
        .. ParkDays is < 1 or > 3650 ? [new ValidationError("parkDays", "must be a number of days from 1 to 3650")] : Array.Empty<ValidationError>(),
    ];

    /// <summary>Whether an event of this action for an unknown member is parked rather than applied or refused: all but those that enroll.</summary>
    public bool Parks(string action) => UnknownCustomer == UnknownCustomerPolicy.Park && action is not ("opt_in" or "profile");
}
