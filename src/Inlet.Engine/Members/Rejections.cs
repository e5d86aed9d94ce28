using System.Globalization;
using static Inlet.Engine.Members.EffectResult;

namespace Inlet.Engine.Members;

/// <summary>The rejections of the event effects, each with a message that says what happened and what to do.</summary>
internal static class Rejections
{
    public static Rejected CustomerNotFound(string customer) => Rule(RejectionCodes.CustomerNotFound,
        $"Customer '{customer}' is not a member. Send opt_in first, or set the account's unknownCustomer to create.");

    public static Rejected CustomerOptedOut(string customer) => Rule(RejectionCodes.CustomerOptedOut,
        $"Member '{customer}' opted out; only opt_in applies until they opt in again.");

    public static Rejected InsufficientPoints(long needed, long spendable) => Rule(RejectionCodes.InsufficientPoints,
        Invariant($"The event needs {needed} points but the member has {spendable} spendable; allowNegativeBalance is off."));

    public static Rejected TransactionNotFound(string id, bool totalCreates) => Rule(RejectionCodes.TransactionNotFound,
        totalCreates
            ? $"No transaction '{id}'. Send a checkout first, or give data.total to create it accepted."
            : $"No transaction '{id}'. Send a checkout first.");

    public static Rejected Invalid(string message) => Rule(RejectionCodes.InvalidEvent, message);

    public static Rejected Missing(string attribute, string type) =>
        Invalid($"data.{attribute} is required and must be {type}.");

    public static Rejected TransactionExists(string id) => Conflict(RejectionCodes.TransactionExists,
        $"Transaction '{id}' is already registered; a purchase earns once.");

    public static Rejected TransactionOtherCustomer(string id) => Conflict(RejectionCodes.TransactionOtherCustomer,
        $"Transaction '{id}' belongs to another member.");

    public static Rejected TransactionNotPending(TransactionState transaction) => Conflict(RejectionCodes.TransactionNotPending,
        $"Transaction '{transaction.Id}' is {Status(transaction)}, not pending.");

    public static Rejected TransactionNotAccepted(TransactionState transaction) => Conflict(RejectionCodes.TransactionNotAccepted,
        $"Transaction '{transaction.Id}' is {Status(transaction)}; only an accepted or partially refunded transaction can be refunded.");

    public static Rejected ItemExists(string transactionId, string productId, bool accepted) => Conflict(RejectionCodes.ItemExists,
        $"Product '{productId}' of transaction '{transactionId}' is already {(accepted ? "accepted" : "recorded")}.");

    public static Rejected AlreadyOptedIn(string customer) => Conflict(RejectionCodes.AlreadyOptedIn,
        $"Member '{customer}' is already opted in; send profile to update their attributes.");

    public static Rejected AlreadyOccurred(string customer, string type) => Conflict(RejectionCodes.AlreadyOccurred,
        $"Member '{customer}' already has a '{type}' event, which happens once per member.");

    private static Rejected Rule(string code, string message) => new(code, RejectionKind.BusinessRule, message);

    private static Rejected Conflict(string code, string message) => new(code, RejectionKind.Conflict, message);

    private static string Status(TransactionState transaction) => transaction.Status switch
    {
        TransactionStatus.PartiallyRefunded => "partially refunded",
        var status => status.ToString().ToLowerInvariant(),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
