using System.Text.Json.Nodes;

namespace Inlet.Tests.Replays;

/// <summary>A broken integration to repair: a point_add webhook whose mapping reads the points from a field the sender does not send.</summary>
internal static class ReplayScenario
{
    /// <summary>Creates and activates the broken webhook at <paramref name="endpoint"/>; returns its id.</summary>
    public static Task<string> CreateBrokenWebhookAsync(this InletApp app, string endpoint) => app.CreateWebhookAsync($$"""
        { "name": "Points {{endpoint}}", "method": "POST", "endpoint": "{{endpoint}}", "action": "point_add",
          "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "pointz", "to": "data.points" } ],
          "idempotency": { "header": "Idempotency-Key" } }
        """);

    /// <summary>Fixes the mapping: a new version reading <c>points</c>.</summary>
    public static async Task FixAsync(this InletApp app, string webhookId, string endpoint) =>
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{webhookId}",
            Scenario.PointAddDefinition(endpoint, """, "idempotency": { "header": "Idempotency-Key" }"""))).ShouldBeAsync(200);

    /// <summary>Request <paramref name="n"/>: <paramref name="n"/> + 1 points for member n mod <paramref name="members"/>, with its own idempotency key.</summary>
    public static Task<HttpResponseMessage> SendNumberedAsync(this InletApp app, string endpoint, int n, int members) =>
        app.SendAsync(endpoint, $$"""{"clientID":"{{endpoint}}-m{{n % members}}","points":{{n + 1}}}""", headers: ("Idempotency-Key", $"{endpoint}-key-{n}"));

    public static async Task<JsonNode> PreviewAsync(this InletApp app, string filterJson, string? apiKey = null)
    {
        var answer = await app.Api(apiKey ?? InletApp.ApiKey).PostJsonAsync("/api/v1/replays", filterJson);
        await answer.ShouldBeAsync(201);
        return await answer.ReadJsonAsync();
    }

    public static Task<HttpResponseMessage> ApplyAsync(this InletApp app, string replayId, string? apiKey = null) =>
        app.Api(apiKey ?? InletApp.ApiKey).PostAsync($"/api/v1/replays/{replayId}/apply", null, TestContext.Current.CancellationToken);

    public static (int Requests, int NewlyProcessed, int StillFailing, int Duplicates, long Points) Totals(JsonNode replay)
    {
        var totals = replay["totals"]!;
        return (totals["requests"]!.GetValue<int>(), totals["newlyProcessed"]!.GetValue<int>(), totals["stillFailing"]!.GetValue<int>(),
            totals["duplicates"]!.GetValue<int>(), totals["points"]!.GetValue<long>());
    }
}
