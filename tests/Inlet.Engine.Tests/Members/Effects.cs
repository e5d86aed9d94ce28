using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using static Inlet.Engine.Members.EffectResult;

namespace Inlet.Engine.Tests.Members;

/// <summary>Builds events and states for the effect tests; JSON is written with single quotes for readability.</summary>
internal static class Effects
{
    public const string Customer = "c1";

    public static JsonObject Data(string json) => JsonNode.Parse(json.Replace('\'', '"'))!.AsObject();

    public static AccountSettings Settings(double earnRate = 1, bool checkoutPending = true, bool allowNegative = false, bool create = false) => new()
    {
        EarnRate = (decimal)earnRate,
        CheckoutPending = checkoutPending,
        AllowNegativeBalance = allowNegative,
        UnknownCustomer = create ? UnknownCustomerPolicy.Create : UnknownCustomerPolicy.Reject,
    };

    public static MemberState Member(long score = 0, long spent = 0, long pending = 0, MemberStatus status = MemberStatus.Active) =>
        MemberState.New(Customer) with { Score = score, Spent = spent, Pending = pending, Status = status };

    /// <summary>Transaction t1 of c1 in a given status: total 40 earned 40 (rate 1), 10 burned, one line p1.</summary>
    public static TransactionState? Transaction(string key) => key switch
    {
        "none" => null,
        "other" => Transaction("accepted")! with { MemberId = "c2" },
        "partially_refunded" => Transaction("accepted")! with { Status = TransactionStatus.PartiallyRefunded, RefundedPoints = 10, RefundedAmount = 10 },
        _ => TransactionState.New("t1", Customer, Enum.Parse<TransactionStatus>(key.Replace("_", "", StringComparison.Ordinal), ignoreCase: true), 40, 40) with
        {
            Burned = 10,
            Items = [new LineItem("p1", Quantity: 1, Subtotal: 40, Accepted: key != "pending")],
        },
    };

    public static EffectResult Apply(string action, string data, MemberState? member, TransactionState? transaction = null,
        AccountSettings? settings = null, bool onceOccurred = false, EventType? type = null) =>
        EventEffects.Apply(new MappedEvent(Customer, action, Data(data)), type ?? BuiltIn(action),
            new EffectContext(member, transaction, onceOccurred), settings ?? AccountSettings.Default);

    public static EventType BuiltIn(string action) =>
        EventCatalog.BuiltIn.Find(action) ?? throw new ArgumentException($"No built-in type {action}", nameof(action));

    public static Applied Applied(EffectResult result) =>
        result as Applied ?? throw Xunit.Sdk.FailException.ForFailure($"Expected the event to apply, got {result}");

    public static Rejected Rejected(EffectResult result, string code, RejectionKind kind)
    {
        var rejected = result as Rejected ?? throw Xunit.Sdk.FailException.ForFailure($"Expected a rejection {code}, got {result}");
        Assert.Equal((code, kind), (rejected.Code, rejected.Kind));
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
        return rejected;
    }
}
