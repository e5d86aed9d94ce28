using System.Text;

namespace Inlet.Benchmarks;

/// <summary>
/// A ten-event batch of mParticle's webhook output ("Send as Batch" on), its events shaped like those of mParticle's JSON
/// reference and Events API sample (tests/Inlet.Tests/UseCases/MparticleBatches.cs cites them): a screen view and a session
/// start (skipped), three custom events with points, two purchases, two user attribute changes (one profile) and a refund
/// of some products — seven events for the batch blueprint.
/// </summary>
internal static class MparticleBatch
{
    private static string Common(int n) => $$"""
        "event_id": {{6004677780660780000 + n}}, "source_message_id": "e8335d31-2031-4bff-afec-17ffc178469{{n}}",
        "session_id": 4957918240501247982, "session_uuid": "91b86d0c-86cb-4124-a8b2-edee107de454",
        "timestamp_unixtime_ms": {{1402521613976 + n}}, "location": {}, "device_current_state": {}
        """;

    private static string Points(int n, int points) => $$"""
        { "data": { "event_name": "click", "custom_event_type": "navigation", {{Common(n)}},
                    "custom_attributes": { "button_name": "home", "other_attribute": "xyz", "points": "{{points}}" } },
          "event_type": "custom_event" }
        """;

    private static string Commerce(int n, string action, string transaction, int total) => $$"""
        { "data": { "product_action": { "action": "{{action}}", "checkout_step": 0, "checkout_options": null, "product_action_list": null,
                                        "product_list_source": null, "transaction_id": "{{transaction}}", "affiliation": null,
                                        "total_amount": {{total}}, "tax_amount": 0, "shipping_amount": 0, "coupon_code": null,
                                        "products": [ { "id": "SKU-1", "name": "Mug", "brand": null, "category": null, "variant": null,
                                                        "position": 0, "price": {{total}}, "quantity": 1, "coupon_code": null,
                                                        "added_to_cart_time_ms": 1558388284150, "total_product_amount": {{total}},
                                                        "custom_attributes": {} } ] },
                    "promotion_action": null, "product_impressions": null, "shopping_cart": null, "currency_code": "EUR",
                    "is_non_interactive": false, "custom_flags": {}, {{Common(n)}}, "custom_attributes": {} },
          "event_type": "commerce_event" }
        """;

    private static string AttributeChange(int n, string name, string value) => $$"""
        { "data": { "user_attribute_name": "{{name}}", "new": "{{value}}", "old": null, "deleted": false, "is_new_attribute": true,
                    {{Common(n)}}, "custom_attributes": null },
          "event_type": "user_attribute_change" }
        """;

    private static readonly string[] Events =
    [
        $$"""{ "data": { "screen_name": "Home", {{Common(0)}}, "custom_attributes": {} }, "event_type": "screen_view" }""",
        $$"""{ "data": { {{Common(1)}} }, "event_type": "session_start" }""",
        Points(2, 10), Commerce(3, "purchase", "T-1", 42), Points(4, 5),
        AttributeChange(5, "$firstname", "John"), AttributeChange(6, "$lastname", "Doe"),
        Commerce(7, "purchase", "T-2", 80), Points(8, 20), Commerce(9, "refund", "T-1", 12),
    ];

    public static byte[] TenEvents { get; } = Encoding.UTF8.GetBytes($$"""
        { "source_request_id": "769D83CB-8C60-48F9-A0C1-C38CF1B40A4F",
          "events": [ {{string.Join(", ", Events)}} ],
          "user_attributes": { "$firstname": "John", "$lastname": "Doe", "$city": "New York", "a_custom_attribute": "some_value" },
          "deleted_user_attributes": null,
          "user_identities": [ { "identity_type": "customer_id", "identity": "cust-1", "timestamp_unixtime_ms": 1540483995196 },
                               { "identity_type": "email", "identity": "john@example.com", "timestamp_unixtime_ms": 1540483995196 } ],
          "environment": "production", "schema_version": 2, "timestamp_unixtime_ms": 1558342842934,
          "batch_id": -8602161397754364000, "mpid": -7636538281262557000, "sdk_version": "7.9.2" }
        """);
}
