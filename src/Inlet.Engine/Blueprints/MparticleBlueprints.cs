using System.Text.Json;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Blueprints;

/// <summary>
/// Blueprints for mParticle's webhook output (spec §10): a batch with <c>events[]</c> and <c>user_identities</c> as an array
/// of <c>{identity_type, identity}</c>, one event per request (mParticle's "Send as Batch" turned off); batches as sent by
/// default are <see cref="MparticleBatchBlueprint"/>'s. Each checks the token
/// mParticle sends in its Authorization header; the token is left blank, so a webhook cannot be created from one without choosing it.
/// </summary>
public static class MparticleBlueprints
{
    private const string Customer = "user_identities[identity_type=customer_id].identity";
    private const string Event = "events.0.data.";
    private const string ProductAction = "body.events.0.data.product_action.";

    // mParticle spells its reserved user attributes $FirstName in its reserved list and $firstname in its JSON reference.
    private const string FirstName = "user_attributes.$FirstName | user_attributes.$firstname";
    private const string LastName = "user_attributes.$LastName | user_attributes.$lastname";

    private const string OneEvent = " Turn off \"Send as Batch\" in the mParticle webhook connection: it reads one event per request.";

    public static Blueprint CustomEvent { get; } = Create("mparticle-custom-event", "mParticle custom event → Point add",
        "A custom event whose custom attribute 'points' holds the points to add; its name becomes the reason.", "point_add",
        [Is("body.events.0.event_type", "custom_event"), Exists("body.events.0.data.custom_attributes.points")],
        Map(Customer, "customer"), Map(Event + "custom_attributes.points", "data.points"), Map(Event + "event_name", "data.reason"));

    public static Blueprint Purchase { get; } = Create("mparticle-purchase", "mParticle purchase → Checkout",
        "A commerce event with the purchase product action: the transaction, its total and currency, and its products as items.", "checkout",
        [Is("body.events.0.event_type", "commerce_event"), Is("body.events.0.data.product_action.action", "purchase")],
        Map(Customer, "customer"), Map(Event + "product_action.transaction_id", "data.transaction_id"),
        Map(Event + "product_action.total_amount", "data.total"), Map(Event + "currency_code", "data.currency"),
        Map(Event + "product_action.products", "data.items") with
        {
            Items = [Map("id", "product_id"), Map("name", "product_name"), Map("quantity", "quantity"), Map("price", "price"), Map("total_product_amount", "subtotal")],
        });

    public static Blueprint Refund { get; } = Create("mparticle-refund", "mParticle refund → Refund",
        "A commerce event with the refund product action that lists no products and no amount (total_amount missing or 0): " +
        "the whole transaction is refunded. Other refunds are the partial refund blueprint's.", "refund",
        [Is("body.events.0.event_type", "commerce_event"), Is(ProductAction + "action", "refund"), Test(ProductAction + "products", "is_empty"),
            new FilterGroup(FilterJoin.Any, [Test(ProductAction + "total_amount", "is_empty"), Test(ProductAction + "total_amount", "less_than_or_equal", 0)])],
        Map(Customer, "customer"), Map(Event + "product_action.transaction_id", "data.transaction_id"));

    public static Blueprint PartialRefund { get; } = Create("mparticle-partial-refund", "mParticle partial refund → Partial refund",
        "A commerce event with the refund product action that lists products or an amount: the refund's total_amount is refunded " +
        "(reaching the purchase's total, the transaction is refunded whole). Refunds with neither are the refund blueprint's.", "partial_refund",
        [Is("body.events.0.event_type", "commerce_event"), Is(ProductAction + "action", "refund"),
            new FilterGroup(FilterJoin.Any, [Test(ProductAction + "products", "is_not_empty"), Test(ProductAction + "total_amount", "greater_than", 0)])],
        Map(Customer, "customer"), Map(Event + "product_action.transaction_id", "data.transaction_id"),
        Map(Event + "product_action.total_amount", "data.amount"));

    public static Blueprint UserAttributes { get; } = Create("mparticle-user-attributes", "mParticle user attributes → Profile",
        "A user attribute change: the member's name and email are updated from the batch's user attributes and identities.", "profile",
        [Is("body.events.0.event_type", "user_attribute_change")],
        Map(Customer, "customer"), Map(FirstName, "data.first_name"), Map(LastName, "data.last_name"),
        Map("user_identities[identity_type=email].identity", "data.email"));

    public static Blueprint Registration { get; } = Create("mparticle-registration", "mParticle registration → Opt in",
        "A custom event named 'registration' enrolls the member with their name and email (rename the event in the filter to yours).", "opt_in",
        [Is("body.events.0.event_type", "custom_event"), Is("body.events.0.data.event_name", "registration")],
        Map(Customer, "customer"), Map(FirstName, "data.first_name"), Map(LastName, "data.last_name"),
        Map("user_identities[identity_type=email].identity", "data.email"));

    public static Blueprint OptOut { get; } = Create("mparticle-opt-out", "mParticle opt-out → Opt out",
        "An opt_out event with is_opted_out true sets the member's status to opted out; one with false, or without it (mParticle's " +
        "default is false), is filtered out: it opts nobody back in.", "opt_out",
        [Is("body.events.0.event_type", "opt_out"), Test("body.events.0.data.is_opted_out", "equals", true)],
        Map(Customer, "customer"));

    /// <summary>The batch blueprint first: it takes what mParticle sends by default.</summary>
    public static IReadOnlyList<Blueprint> All { get; } = [MparticleBatchBlueprint.Batch, CustomEvent, Purchase, Refund, PartialRefund, UserAttributes, Registration, OptOut];

    private static Blueprint Create(string id, string name, string description, string action, FilterNode[] filter, params MappingDefinition[] mappings) =>
        new(id, name, description + OneEvent, new WebhookDefinition
        {
            Name = name,
            Method = "POST",
            Endpoint = id,
            Filter = new FilterGroup(FilterJoin.All, filter),
            Action = action,
            Mappings = mappings,
            Verification = new VerificationDefinition { Type = "token", Header = "Authorization" },
        });

    private static FilterCondition Is(string attribute, string value) => Test(attribute, "equals", value);

    private static FilterCondition Exists(string attribute) => Test(attribute, "exists");

    private static FilterCondition Test(string attribute, string op, object? value = null) =>
        new(attribute, op, value is null ? null : JsonSerializer.SerializeToElement(value));

    private static MappingDefinition Map(string from, string to) => new() { From = from, To = to };
}
