namespace Inlet.Tests.UseCases;

/// <summary>
/// mParticle batches as its webhook output sends them — with "Send as Batch" off (one event each) or on (several) — written
/// from mParticle's published examples, not shaped to the blueprints. Sources, cited beside each part:
/// [reference] the JSON Reference, https://docs.mparticle.com/developers/server/json-reference/ — its event examples,
///             its master sample's user_attributes, and "Outgoing User Identities" (an array of identity objects);
/// [sample]    the sample batch published with the Events API JSON schemas (mparticle.inbound.eventsapi, sample.json).
/// Only the identity values, the transaction ids and the amounts are ours.
/// </summary>
internal static class MparticleBatches
{
    /// <summary>[reference] master sample's user_attributes: the reserved names spelled <c>$firstname</c>, <c>$lastname</c>.</summary>
    public const string ReferenceUserAttributes = """
        { "$age": "18", "$gender": "M", "$country": "USA", "$zip": "10016", "$city": "New York", "$state": "NY",
          "$address": "381 Park Avenue S", "$firstname": "John", "$lastname": "Doe", "$mobile": "123-456-7890",
          "a_custom_attribute": "some_value", "a_custom_list": ["value1", "value2", "valueN"] }
        """;

    /// <summary>
    /// One event in a batch: user_identities as [reference] "Outgoing User Identities" shows them, the batch fields of
    /// [sample] (its <c>user_identities</c> is the inbound object form, which the webhook output expands to this array).
    /// </summary>
    public static string Batch(string customer, string eventJson, string userAttributes = "{}") => Batch(customer, [eventJson], userAttributes);

    /// <summary>Several events in one batch, in their order, as "Send as Batch" (mParticle's default) sends them.</summary>
    public static string Batch(string customer, IReadOnlyList<string> events, string userAttributes = "{}") => $$"""
        { "source_request_id": "769D83CB-8C60-48F9-A0C1-C38CF1B40A4F",
          "events": [ {{string.Join(", ", events)}} ],
          "user_attributes": {{userAttributes}},
          "deleted_user_attributes": null,
          "user_identities": [ { "identity_type": "customer_id", "identity": "{{customer}}", "timestamp_unixtime_ms": 1540483995196 },
                               { "identity_type": "email", "identity": "h.jekyll.md@example.com", "timestamp_unixtime_ms": 1540483995196 } ],
          "environment": "production", "schema_version": 2, "timestamp_unixtime_ms": 1558342842934,
          "batch_id": -8602161397754364000, "mpid": -7636538281262557000, "sdk_version": "7.9.2" }
        """;

    /// <summary>[sample] its user_attribute_change event, for the attribute and value given.</summary>
    public static string UserAttributeChange(string name, string value) => $$"""
        { "data": { "user_attribute_name": "{{name}}", "new": "{{value}}", "old": null, "deleted": false, "is_new_attribute": true,
                    "timestamp_unixtime_ms": 1558342827952, "event_id": 6558165446704400378,
                    "source_message_id": "3DBFC52E-164F-405E-885E-2B448B301F83", "session_id": 6051321688317951794,
                    "session_uuid": "84E1B361-A282-4ADF-8A6D-1D31E6DD5A9E", "session_start_unixtime_ms": 0, "event_start_unixtime_ms": 0,
                    "custom_attributes": null, "is_goal_defined": false, "lifetime_value_change": 0, "event_num": 0 },
          "event_type": "user_attribute_change" }
        """;

    /// <summary>[reference] its custom_event example, named 'registration' (custom_event_type user_preference "includes registration").</summary>
    public const string Registration = """
        { "data": { "event_name": "registration", "custom_event_type": "user_preference", "event_id": 6004677780660780000,
                    "source_message_id": "e8335d31-2031-4bff-afec-17ffc1784697", "session_id": 4957918240501247982,
                    "session_uuid": "91b86d0c-86cb-4124-a8b2-edee107de454", "timestamp_unixtime_ms": 1402521613976,
                    "location": {}, "device_current_state": {}, "custom_attributes": {} },
          "event_type": "custom_event" }
        """;

    /// <summary>[reference] its custom_event example (a navigation click) with a custom attribute <c>points</c>, a string as [sample]'s custom attributes are.</summary>
    public static string CustomEvent(string points) => $$"""
        { "data": { "event_name": "click", "custom_event_type": "navigation", "event_id": 6004677780660780000,
                    "source_message_id": "e8335d31-2031-4bff-afec-17ffc1784697", "session_id": 4957918240501247982,
                    "session_uuid": "91b86d0c-86cb-4124-a8b2-edee107de454", "timestamp_unixtime_ms": 1402521613976,
                    "location": {}, "device_current_state": {},
                    "custom_attributes": { "button_name": "home", "other_attribute": "xyz", "points": "{{points}}" } },
          "event_type": "custom_event" }
        """;

    /// <summary>[sample] its custom_event: no custom attributes at all.</summary>
    public const string SampleCustomEvent = """
        { "data": { "custom_event_type": "other", "event_name": "Example custom event", "custom_flags": {},
                    "timestamp_unixtime_ms": 1558388284131, "event_id": 31211936655863586,
                    "source_message_id": "f73133d5-116d-4ea4-b04a-691c339f04e3", "session_id": -2271448330363288817,
                    "session_uuid": "8B8DFAA2-17C7-43E8-88EE-5F2DCF016D56", "custom_attributes": null, "event_num": 0 },
          "event_type": "custom_event" }
        """;

    /// <summary>[reference] its screen_view example.</summary>
    public const string ScreenView = """
        { "data": { "screen_name": "Home", "event_id": 6004677780660780000, "source_message_id": "e8335d31-2031-4bff-afec-17ffc1784697",
                    "session_id": 4957918240501247982, "session_uuid": "91b86d0c-86cb-4124-a8b2-edee107de454",
                    "timestamp_unixtime_ms": 1402521613976, "location": {}, "device_current_state": {}, "custom_attributes": {} },
          "event_type": "screen_view" }
        """;

    /// <summary>[sample] its session_start event, without its device_current_state.</summary>
    public const string SessionStart = """
        { "data": { "timestamp_unixtime_ms": 1558342828195, "event_id": 5333365338074280876,
                    "source_message_id": "84E1B361-A282-4ADF-8A6D-1D31E6DD5A9E", "session_id": 6051321688317951794,
                    "session_uuid": "84E1B361-A282-4ADF-8A6D-1D31E6DD5A9E", "session_start_unixtime_ms": 1558342828195,
                    "event_start_unixtime_ms": 1558342828195, "custom_attributes": null, "is_goal_defined": false, "event_num": 0 },
          "event_type": "session_start" }
        """;

    /// <summary>[sample] its commerce_event: the purchase of one product (price 123, quantity 1) for a total_amount of 123.</summary>
    public static string Purchase(string transactionId) => $$"""
        { "data": { "product_action": { "action": "purchase", "checkout_step": 0, "checkout_options": null, "product_action_list": null,
                                        "product_list_source": null, "transaction_id": "{{transactionId}}", "affiliation": null,
                                        "total_amount": 123, "tax_amount": 0, "shipping_amount": 0, "coupon_code": null,
                                        "products": [ {{SampleProduct}} ] },
                    "promotion_action": null, "product_impressions": null, "shopping_cart": null, "currency_code": null,
                    "screen_name": null, "is_non_interactive": false, "event_name": "eCommerce - Purchase", "custom_event_type": "purchase",
                    "custom_flags": {}, "timestamp_unixtime_ms": 1558388284159, "event_id": 6644003854898401924,
                    "source_message_id": "70f1f6aa-8bec-40c7-b48c-1ca253db9fa3", "session_id": -2271448330363288817,
                    "session_uuid": "8B8DFAA2-17C7-43E8-88EE-5F2DCF016D56", "session_start_unixtime_ms": 1558388284107,
                    "event_start_unixtime_ms": 0, "custom_attributes": { "Transaction Id": "{{transactionId}}", "Total Amount": "123" },
                    "is_goal_defined": true, "lifetime_value_change": 123, "event_num": 0 },
          "event_type": "commerce_event" }
        """;

    /// <summary>[reference] its opt_out example; <c>is_opted_out</c> is "suggested, false by default".</summary>
    public static string OptOut(bool isOptedOut) => $$"""
        { "data": { "is_opted_out": {{(isOptedOut ? "true" : "false")}}, "event_id": 6004677780660780000,
                    "source_message_id": "e8335d31-2031-4bff-afec-17ffc1784697", "session_id": 4957918240501247982,
                    "session_uuid": "91b86d0c-86cb-4124-a8b2-edee107de454", "timestamp_unixtime_ms": 1402521613976,
                    "location": {}, "device_current_state": {}, "custom_attributes": {} },
          "event_type": "opt_out" }
        """;

    /// <summary>[sample] its commerce_event product (id, name, price 123, quantity 1), as a refund lists it.</summary>
    public const string SampleProduct = """
        { "id": "Product SKU", "name": "Product name", "brand": null, "category": null, "variant": null, "position": 0, "price": 123,
          "quantity": 1, "coupon_code": null, "added_to_cart_time_ms": 1558388284150, "total_product_amount": 123, "custom_attributes": {} }
        """;

    /// <summary>
    /// [sample] its commerce_event with the product action <c>refund</c> ([reference] lists it among the actions) instead of
    /// <c>purchase</c>, and without its purchase-only event_name and custom_event_type.
    /// </summary>
    public static string Refund(string transactionId, string totalAmount, string products) => $$"""
        { "data": { "product_action": { "action": "refund", "checkout_step": 0, "checkout_options": null, "product_action_list": null,
                                        "product_list_source": null, "transaction_id": "{{transactionId}}", "affiliation": null,
                                        "total_amount": {{totalAmount}}, "tax_amount": 0, "shipping_amount": 0, "coupon_code": null,
                                        "products": {{products}} },
                    "promotion_action": null, "product_impressions": null, "shopping_cart": null, "currency_code": null,
                    "is_non_interactive": false, "custom_flags": {}, "timestamp_unixtime_ms": 1558388284159, "event_id": 6644003854898401924,
                    "source_message_id": "70f1f6aa-8bec-40c7-b48c-1ca253db9fa3", "session_id": -2271448330363288817,
                    "session_uuid": "8B8DFAA2-17C7-43E8-88EE-5F2DCF016D56", "session_start_unixtime_ms": 1558388284107,
                    "event_start_unixtime_ms": 0, "custom_attributes": {}, "is_goal_defined": true, "event_num": 0 },
          "event_type": "commerce_event" }
        """;
}
