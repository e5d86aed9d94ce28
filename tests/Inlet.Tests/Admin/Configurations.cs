using System.Text.Json.Nodes;

namespace Inlet.Tests.Admin;

/// <summary>An account configured through the API as a user would: settings, a custom event type, webhooks active and not.</summary>
internal static class Configurations
{
    public const string HmacSecret = "shop-shared-secret-4821";

    /// <summary>Creates the account <paramref name="accountId"/> and configures it; returns a client of the API with its key.</summary>
    public static async Task<HttpClient> ConfiguredAccountAsync(this InletApp app, string accountId, bool withSecret = false)
    {
        var api = app.Api(await Accounts.NewAccounts.CreateAsync(app, accountId));
        await (await api.PutJsonAsync("/api/v1/settings", """{"earnRate":2.5,"unknownCustomer":"create"}""")).ShouldBeAsync(200);
        await (await api.PostJsonAsync("/api/v1/event-types",
            """{"name":"review_written","label":"Review written","attributes":[{"name":"stars","type":"integer","required":true}],"points":10}""")).ShouldBeAsync(201);
        await CreateAsync(api, Scenario.PointAddDefinition("points"), activate: true);
        await CreateAsync(api, """
            { "name": "Points by PUT", "method": "PUT", "endpoint": "points", "action": "point_add",
              "filter": { "all": [ { "attribute": "body.kind", "operator": "equals", "value": "bonus" } ] },
              "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "points", "to": "data.points", "default": 5 } ] }
            """, activate: false);
        await CreateAsync(api, """
            { "name": "Reviews", "endpoint": "reviews", "action": "review_written",
              "mappings": [ { "from": "user", "to": "customer" }, { "from": "rating", "to": "data.stars" } ] }
            """, activate: true);
        if (withSecret)
        {
            await CreateAsync(api, Scenario.PointAddDefinition("signed", $$"""
                , "verification": { "type": "hmac", "header": "X-Shop-Hmac", "algorithm": "sha256", "encoding": "hex", "secret": "{{HmacSecret}}" }
                """), activate: true);
        }
        return api;
    }

    /// <summary>The webhooks of an export, by method and endpoint.</summary>
    public static Dictionary<string, JsonObject> Webhooks(string export) =>
        JsonNode.Parse(export)!["webhooks"]!.AsArray().Select(w => w!.AsObject())
            .ToDictionary(w => $"{w["method"]!.GetValue<string>()} {w["endpoint"]!.GetValue<string>()}");

    private static async Task CreateAsync(HttpClient api, string definition, bool activate)
    {
        var created = await api.PostJsonAsync("/api/v1/webhooks", definition);
        await created.ShouldBeAsync(201);
        if (activate)
        {
            var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
            await (await api.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        }
    }
}
