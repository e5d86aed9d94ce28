using System.Text;

namespace Inlet.Tests;

/// <summary>The steps most tests share, each through the public HTTP API.</summary>
internal static class Scenario
{
    /// <summary>Creates a webhook (a full definition, or {"blueprint": ...}) and activates it; returns its id.</summary>
    public static async Task<string> CreateWebhookAsync(this InletApp app, string definitionJson, bool activate = true)
    {
        var api = app.Api();
        var created = await api.PostJsonAsync("/api/v1/webhooks", definitionJson);
        await created.ShouldBeAsync(201);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        if (activate)
        {
            await (await api.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        }
        return id;
    }

    /// <summary>A point_add webhook at <paramref name="endpoint"/> reading clientID and points, with no filter.</summary>
    public static string PointAddDefinition(string endpoint, string extra = "") => $$"""
        { "name": "Points {{endpoint}}", "method": "POST", "endpoint": "{{endpoint}}", "action": "point_add",
          "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "points", "to": "data.points" } ]{{extra}} }
        """;

    /// <summary>The definition with a JavaScript transform.</summary>
    public static string WithTransform(string definition, string code)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(definition)!.AsObject();
        node["transform"] = new System.Text.Json.Nodes.JsonObject { ["language"] = "javascript", ["code"] = code };
        return node.ToJsonString();
    }

    public static Task<HttpResponseMessage> SendAsync(this InletApp app, string endpoint, string body, string method = "POST",
        string contentType = "application/json", params (string Name, string Value)[] headers) =>
        app.Sender().SendWebhookAsync(endpoint, body, method, contentType, headers);

    /// <summary>A request to the demo account's webhook at <paramref name="endpoint"/>, as a sender makes it, to any Inlet.</summary>
    public static async Task<HttpResponseMessage> SendWebhookAsync(this HttpClient sender, string endpoint, string body, string method = "POST",
        string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/webhooks/custom/demo/{endpoint}")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        return await sender.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Enrolls a member through the Events API.</summary>
    public static async Task OptInAsync(this InletApp app, string customer) =>
        await (await app.Api().PostJsonAsync("/api/v1/events", $$$"""{"customer":"{{{customer}}}","action":"opt_in","data":{}}""")).ShouldBeAsync(201);

    public static async Task<long> ScoreAsync(this InletApp app, string customer) =>
        (await app.Api().GetJsonAsync($"/api/v1/customers/{customer}"))["balances"]!["score"]!.GetValue<long>();
}
