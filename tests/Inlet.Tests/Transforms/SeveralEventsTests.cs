using System.Text.Json.Nodes;

namespace Inlet.Tests.Transforms;

/// <summary>A transform that returns an array: one request, several events, registered all or nothing.</summary>
public sealed class SeveralEventsTests(InletApp app) : IClassFixture<InletApp>
{
    private const string EachItem = "function transform(request) { return request.body.items; }";

    [Fact]
    public async Task AnArrayOfThreeBodiesRegistersThreeEventsInOneCommit()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("many-three"), EachItem));
        await app.OptInAsync("many-a");
        await app.OptInAsync("many-b");

        var sent = await app.SendAsync("many-three",
            """{"items":[{"clientID":"many-a","points":5},{"clientID":"many-a","points":7},{"clientID":"many-b","points":1}]}""");

        await sent.ShouldBeAsync(200);
        var answer = await sent.ReadJsonAsync();
        Assert.Equal(3, answer["eventCount"]!.GetValue<int>());
        var ids = answer["eventIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        Assert.Equal(ids[0], answer["eventId"]!.GetValue<string>());
        Assert.Equal((12, 1), (await app.ScoreAsync("many-a"), await app.ScoreAsync("many-b")));
        // One request's events: each names the request, in the array's order, and was processed at the one commit.
        var stored = await app.SqlAsync("""SELECT "Id", "ProcessedAt", "PointsDelta" FROM "Events" WHERE "RequestLogId" = @log ORDER BY "ScoreAfter", "CustomerId" """,
            ("log", RequestId(sent)));
        Assert.Equal(ids.Order(), stored.Select(row => (string)row[0]!).Order());
        Assert.Single(stored.Select(row => row[1]!.ToString()).Distinct());
        var log = await LogOfAsync(sent);
        Assert.Equal(("processed", ids[0]), (log["outcome"]!.GetValue<string>(), log["eventId"]!.GetValue<string>()));
        Assert.Equal(3, JsonNode.Parse(log["transformedBody"]!.GetValue<string>())!.AsArray().Count);
    }

    [Fact]
    public async Task AnArrayWhoseThirdBodyCannotBeMappedStoresNoneAndNamesIndexTwo()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("many-unmapped"), EachItem));
        await app.OptInAsync("many-c");

        var sent = await app.SendAsync("many-unmapped", """{"items":[{"clientID":"many-c","points":5},{"clientID":"many-c","points":6},{"clientID":"many-c"}]}""");

        await sent.ShouldBeAsync(422);
        var error = (await sent.ReadJsonAsync())["error"]!;
        Assert.Equal("invalid_event", error["code"]!.GetValue<string>());
        Assert.StartsWith("element 2: data.points", error["message"]!.GetValue<string>());
        Assert.Equal(0, await app.ScoreAsync("many-c"));
        Assert.Empty(await app.SqlAsync("""SELECT "Id" FROM "Events" WHERE "RequestLogId" = @log""", ("log", RequestId(sent))));
    }

    [Fact]
    public async Task AnArrayWhoseThirdEventARuleRefusesStoresNoneOfTheOthers()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("many-refused"), EachItem));
        await app.OptInAsync("many-d");

        var sent = await app.SendAsync("many-refused",
            """{"items":[{"clientID":"many-d","points":5},{"clientID":"many-d","points":6},{"clientID":"many-nobody","points":1}]}""");

        await sent.ShouldBeAsync(422);
        var error = (await sent.ReadJsonAsync())["error"]!;
        Assert.Equal(("customer_not_found", true), (error["code"]!.GetValue<string>(), error["message"]!.GetValue<string>().StartsWith("element 2: ", StringComparison.Ordinal)));
        Assert.Equal(0, await app.ScoreAsync("many-d"));
        Assert.Equal("rejected", (await LogOfAsync(sent))["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task EachEventSeesTheOnesBeforeItInTheSameRequest()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform("""
            { "name": "Spend many", "method": "POST", "endpoint": "many-spend", "action": "point_sub",
              "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "points", "to": "data.points" } ] }
            """, EachItem));
        await app.OptInAsync("many-e");
        await (await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"many-e","action":"point_add","data":{"points":10}}""")).ShouldBeAsync(201);

        // 6 then 6 from a balance of 10: the second sees the first, so neither is stored.
        var overdrawn = await app.SendAsync("many-spend", """{"items":[{"clientID":"many-e","points":6},{"clientID":"many-e","points":6}]}""");
        var fits = await app.SendAsync("many-spend", """{"items":[{"clientID":"many-e","points":6},{"clientID":"many-e","points":4}]}""");

        await overdrawn.ShouldBeAsync(422);
        Assert.StartsWith("element 1: ", (await overdrawn.ReadJsonAsync())["error"]!["message"]!.GetValue<string>());
        await fits.ShouldBeAsync(200);
        Assert.Equal(0, await app.ScoreAsync("many-e"));
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyStoresNothingMore()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("many-retry"), EachItem));
        await app.OptInAsync("many-f");
        const string Body = """{"items":[{"clientID":"many-f","points":2},{"clientID":"many-f","points":3},{"clientID":"many-f","points":4}]}""";

        var first = await app.SendAsync("many-retry", Body, headers: ("Idempotency-Key", "batch-1"));
        var retry = await app.SendAsync("many-retry", Body, headers: ("Idempotency-Key", "batch-1"));

        await first.ShouldBeAsync(200);
        await retry.ShouldBeAsync(200);
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await retry.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(9, await app.ScoreAsync("many-f"));
        Assert.Equal(3, (await app.Api().GetJsonAsync("/api/v1/customers/many-f/events"))["items"]!.AsArray().Count(e => e!["action"]!.GetValue<string>() == "point_add"));
    }

    [Fact]
    public async Task BodiesTheFilterRefusesAreSkippedAndAnArrayOfNoneIsFilteredOut()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform(Scenario.PointAddDefinition("many-filtered", """
            , "filter": { "all": [ { "attribute": "body.kind", "operator": "equals", "value": "points" } ] }
            """), EachItem));
        await app.OptInAsync("many-g");

        var some = await app.SendAsync("many-filtered",
            """{"items":[{"kind":"points","clientID":"many-g","points":2},{"kind":"test","clientID":"many-g","points":50},{"kind":"points","clientID":"many-g","points":3}]}""");
        var none = await app.SendAsync("many-filtered", """{"items":[{"kind":"test","clientID":"many-g","points":50}]}""");

        await some.ShouldBeAsync(200);
        Assert.Equal(2, (await some.ReadJsonAsync())["eventCount"]!.GetValue<int>());
        await none.ShouldBeAsync(422);
        Assert.Equal("filtered_out", (await LogOfAsync(none))["outcome"]!.GetValue<string>());
        Assert.Equal(5, await app.ScoreAsync("many-g"));
    }

    [Fact]
    public async Task TheDryRunShowsEveryEventWithItsPoints()
    {
        await app.OptInAsync("many-h");

        var result = await (await app.Api().PostJsonAsync("/api/v1/webhooks/dry-run", $$"""
            { "definition": {{Scenario.WithTransform(Scenario.PointAddDefinition("many-dry"), EachItem)}},
              "request": { "body": {"items":[{"clientID":"many-h","points":2},{"clientID":"many-h","points":3}]} } }
            """)).ReadJsonAsync();

        Assert.Equal(200, result["status"]!.GetValue<int>());
        var events = result["events"]!.AsArray();
        Assert.Equal([(0, 2L, 2L), (1, 3L, 5L)], events.Select(e => (e!["element"]!.GetValue<int>(), e["pointsDelta"]!.GetValue<long>(), e["after"]!["score"]!.GetValue<long>())));
        Assert.Equal(2, JsonNode.Parse(result["response"]!.GetValue<string>())!["eventCount"]!.GetValue<int>());
        Assert.Equal(0, await app.ScoreAsync("many-h"));
    }

    [Fact]
    public async Task ATransformReturningWholeEventsRegistersEachAsTheTypeItNames()
    {
        await app.CreateWebhookAsync(WholeEvents("many-whole"));

        var sent = await app.SendAsync("many-whole", """
            {"user":"many-i","steps":[
              {"action":"opt_in","data":{"first_name":"Ada"}},
              {"action":"point_add","data":{"points":"30","reason":"welcome"}},
              {"action":"point_sub","data":{"points":12}}]}
            """);
        var unknown = await app.SendAsync("many-whole", """{"user":"many-i","steps":[{"action":"point_add","data":{"points":1}},{"action":"bonus","data":{}}]}""");

        await sent.ShouldBeAsync(200);
        Assert.Equal(3, (await sent.ReadJsonAsync())["eventCount"]!.GetValue<int>());
        Assert.Equal(18, await app.ScoreAsync("many-i"));
        var member = await app.Api().GetJsonAsync("/api/v1/customers/many-i");
        Assert.Equal("Ada", member["profile"]!["first_name"]!.GetValue<string>());
        await unknown.ShouldBeAsync(422);
        Assert.StartsWith("element 1: action: 'bonus' is not an event type", (await unknown.ReadJsonAsync())["error"]!["message"]!.GetValue<string>());
        Assert.Equal(18, await app.ScoreAsync("many-i"));
    }

    [Fact]
    public async Task WholeEventsNeedATransformAndNoMappings()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", """
            { "name": "No transform", "method": "POST", "endpoint": "many-bad", "action": "from_transform",
              "mappings": [ { "from": "clientID", "to": "customer" } ] }
            """);

        await response.ShouldBeAsync(400);
        var errors = (await response.ReadJsonAsync())["errors"]!;
        Assert.Contains("add a transform", errors["action"]![0]!.GetValue<string>());
        Assert.Contains("remove them", errors["mappings"]![0]!.GetValue<string>());
    }

    /// <summary>A webhook whose transform turns a member's steps into whole events.</summary>
    private static string WholeEvents(string endpoint) => Scenario.WithTransform($$"""
        { "name": "Steps {{endpoint}}", "method": "POST", "endpoint": "{{endpoint}}", "action": "from_transform" }
        """, "function transform(request) { return request.body.steps.map(step => ({ customer: request.body.user, action: step.action, data: step.data })); }");

    private static string RequestId(HttpResponseMessage sent) => sent.Headers.GetValues("Inlet-Request-Id").Single();

    private async Task<JsonNode> LogOfAsync(HttpResponseMessage sent) => await app.Api().GetJsonAsync($"/api/v1/logs/{RequestId(sent)}");
}
