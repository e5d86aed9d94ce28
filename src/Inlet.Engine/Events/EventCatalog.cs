using System.Collections.Frozen;
using System.Collections.Immutable;
using static Inlet.Engine.Events.AttributeType;

namespace Inlet.Engine.Events;

/// <summary>The actions a webhook can trigger: the built-in types of spec §6 plus an account's custom types. Immutable.</summary>
public sealed class EventCatalog
{
    private readonly FrozenDictionary<string, EventType> _types;

    private EventCatalog(IEnumerable<EventType> types)
    {
        Types = [.. types];
        _types = Types.ToFrozenDictionary(t => t.Name, StringComparer.Ordinal);
    }

    public ImmutableArray<EventType> Types { get; }

    /// <summary>The types' names, for a message that lists them: "point_add, point_sub, …".</summary>
    public string Names => string.Join(", ", Types.Select(t => t.Name));

    /// <summary>Attributes every event type accepts (declared before BuiltIn, which reads it): when the event happened.</summary>
    public static AttributeSchema EffectiveTimestamp { get; } = new("effective_timestamp", Datetime);

    public static EventCatalog BuiltIn { get; } = new(BuiltInTypes());

    /// <summary>The built-in catalog plus an account's custom types; a custom type cannot replace a built-in one.</summary>
    public static EventCatalog WithCustom(IEnumerable<EventType> custom) =>
        new(BuiltIn.Types.Concat(custom.Where(c => !BuiltIn._types.ContainsKey(c.Name)).Select(c => c with { BuiltIn = false })));

    public EventType? Find(string? name) => name is not null && _types.TryGetValue(name, out var type) ? type : null;

    private static IEnumerable<EventType> BuiltInTypes()
    {
        static AttributeSchema A(string name, AttributeType type, bool required = false, AttributeBound bound = AttributeBound.None) =>
            new(name, type, required, bound);
        var transaction = A("transaction_id", AttributeType.String, required: true);
        var product = A("product_id", AttributeType.String, required: true);
        var reason = A("reason", AttributeType.String);
        var points = A("points", Integer, required: true, AttributeBound.Positive);
        var item = new AttributeSchema("items", ObjectList, Items:
        [
            product, A("product_name", AttributeType.String), A("quantity", Integer, bound: AttributeBound.NonNegative),
            A("price", Number), A("subtotal", Number),
        ]);
        var profile = ImmutableArray.Create(A("email", AttributeType.String), A("first_name", AttributeType.String),
            A("last_name", AttributeType.String), A("labels", StringList));

        EventType T(string name, string label, params AttributeSchema[] attributes) =>
            new(name, label, [.. attributes, EffectiveTimestamp], BuiltIn: true);

        yield return T("point_add", "Point add", points, reason);
        yield return T("point_sub", "Point sub", points, reason);
        yield return T("checkout", "Checkout", transaction, A("total", Number, true, AttributeBound.NonNegative),
            A("currency", AttributeType.String), A("points_burned", Integer, bound: AttributeBound.NonNegative), item);
        yield return T("checkout_item", "Checkout item", transaction, product, A("product_name", AttributeType.String),
            A("quantity", Integer, bound: AttributeBound.NonNegative), A("price", Number), A("subtotal", Number));
        yield return T("checkout_accept", "Checkout accept", transaction, A("total", Number, bound: AttributeBound.NonNegative));
        yield return T("checkout_accept_item", "Checkout accept item", transaction, product,
            A("quantity", Integer, bound: AttributeBound.NonNegative), A("subtotal", Number), A("total", Number, bound: AttributeBound.NonNegative));
        yield return T("checkout_reject", "Checkout reject", transaction);
        yield return T("refund", "Refund", transaction);
        yield return T("partial_refund", "Partial refund", transaction, A("amount", Number, true, AttributeBound.Positive));
        yield return T("opt_in", "Opt in", [.. profile]) with { OpenAttributes = true };
        yield return T("opt_out", "Opt out", reason);
        yield return T("profile", "Profile", [.. profile]) with { OpenAttributes = true };
    }
}
