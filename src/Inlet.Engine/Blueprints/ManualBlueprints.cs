using System.Text.Json;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Blueprints;

/// <summary>
/// <c>blank</c> and the five use cases of the manual, configured exactly as it configures them; only the responses
/// differ, written as valid JSON (the manual's <c>{'ok':true}</c> uses single quotes, which JSON does not allow).
/// </summary>
public static class ManualBlueprints
{
    private static readonly ResponseDefinition ManualResponse = new("""{"ok":true}""", """{"notok":false}""");

    public static Blueprint Blank { get; } = new("blank", "Blank", "Start from an empty webhook and define every setting yourself.",
        new WebhookDefinition { Name = "", Method = "POST", Endpoint = "", Action = "" });

    public static Blueprint PointAdd { get; } = UseCase("point-add", "Point add", "Adds points to a customer (manual use case 4.1).",
        "endpoint1", "point_add", Condition("body.pointadd", "exists"),
        Map("clientID", "customer"), Map("reason", "data.reason"), Map("pointstobeadded", "data.points"));

    public static Blueprint PointSub { get; } = UseCase("point-sub", "Point sub", "Subtracts points from a customer (manual use case 4.2).",
        "endpoint2", "point_sub", Condition("body.pointsub", "greater_than", 0),
        Map("clientID", "customer"), Map("reason", "data.reason"), Map("pointsub", "data.points"));

    public static Blueprint CheckoutAccept { get; } = UseCase("checkout-accept", "Checkout accept",
        "Accepts a purchase and awards its points (manual use case 4.3).",
        "endpoint3", "checkout_accept", Condition("body.checkoutaccept", "exists"),
        Map("clientID", "customer"), Map("transaction_id", "data.transaction_id"), Map("total", "data.total"));

    public static Blueprint CheckoutAcceptItem { get; } = UseCase("checkout-accept-item", "Checkout accept item",
        "Accepts one line item of a purchase (manual use case 4.4).",
        "endpoint4", "checkout_accept_item", Condition("body.checkoutacceptitem", "exists"),
        Map("clientID", "customer"), Map("transaction_id", "data.transaction_id"), Map("total", "data.total"),
        Map("product_id", "data.product_id"), Map("subtotal", "data.subtotal"), Map("quantity", "data.quantity"));

    public static Blueprint OptinLabels { get; } = UseCase("optin-labels", "Optin labels",
        "Enrolls a customer and assigns labels upon opt-in (manual use case 4.5).",
        "optin_labels", "opt_in", Condition("body.optin_labels", "exists"),
        Map("customerID", "customer"), Map("optin_labels", "data.email"), Map("first_name", "data.first_name"),
        Map("last_name", "data.last_name"), Map("labels", "data.labels"));

    public static IReadOnlyList<Blueprint> All { get; } = [Blank, PointAdd, PointSub, CheckoutAccept, CheckoutAcceptItem, OptinLabels];

    private static Blueprint UseCase(string id, string name, string description, string endpoint, string action, FilterCondition filter,
        params MappingDefinition[] mappings) =>
        new(id, name, description, new WebhookDefinition
        {
            Name = name,
            Method = "POST",
            Endpoint = endpoint,
            Filter = new FilterGroup(FilterJoin.All, [filter]),
            Action = action,
            Mappings = mappings,
            Response = ManualResponse,
        });

    private static FilterCondition Condition(string attribute, string op, int? value = null) =>
        new(attribute, op, value is { } v ? JsonSerializer.SerializeToElement(v) : null);

    private static MappingDefinition Map(string from, string to) => new() { From = from, To = to };
}
