namespace Inlet.Tests.Ingestion;

/// <summary>
/// The webhooks bad inputs are sent to: one for each kind of attribute a mapping converts to, a filter, a masked body path
/// and an idempotency key read from the body, so every step of the pipeline reads what they are sent; and a member.
/// </summary>
internal static class BadInputWebhooks
{
    public const string Points = "bad-points";
    public const string Typed = "bad-typed";
    public const string Items = "bad-items";
    public const string Customer = "bad-input";

    public static async Task CreateAsync(InletApp app)
    {
        // The filter matches any request without X-Source, as the battery's are; random headers make it decide both ways.
        await app.CreateWebhookAsync(Scenario.PointAddDefinition(Points, """
            , "redactBodyPaths": ["note.secret"], "filter": {"any": [{"attribute": "headers.x-source", "operator": "not_exists"},
              {"attribute": "body.note.kind", "operator": "matches", "value": "^(a|b)+$"}, {"attribute": "body.points", "operator": "greater_than", "value": 10}]}
            """));
        await (await app.Api().PostJsonAsync("/api/v1/event-types", """
            {"name":"typed_probe","attributes":[{"name":"text","type":"string"},{"name":"count","type":"integer"},
              {"name":"amount","type":"number"},{"name":"flag","type":"boolean"},{"name":"day","type":"date"},
              {"name":"moment","type":"datetime"},{"name":"tags","type":"string_list"}]}
            """)).ShouldBeAsync(201);
        await app.CreateWebhookAsync($$"""
            { "name": "Typed", "method": "POST", "endpoint": "{{Typed}}", "action": "typed_probe", "idempotency": {"bodyPath": "event_id"},
              "mappings": [ {"from": "clientID", "to": "customer"}, {"from": "text", "to": "data.text"}, {"from": "count", "to": "data.count"},
                {"from": "amount", "to": "data.amount"}, {"from": "flag", "to": "data.flag"}, {"from": "day", "to": "data.day"},
                {"from": "moment", "to": "data.moment"}, {"from": "tags", "to": "data.tags"} ] }
            """);
        await app.CreateWebhookAsync($$"""
            { "name": "Items", "method": "POST", "endpoint": "{{Items}}", "action": "checkout",
              "mappings": [ {"from": "clientID", "to": "customer"}, {"from": "id", "to": "data.transaction_id"},
                {"from": "total", "to": "data.total"}, {"from": "items", "to": "data.items"} ] }
            """);
        await app.OptInAsync(Customer);
    }
}
