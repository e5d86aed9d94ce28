using System.Text.Json.Nodes;

namespace Inlet.Tests.Events;

public sealed class EventTypesTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TheCatalogListsTheBuiltInTypesWithTheirAttributesAndApiTypeNames()
    {
        var catalog = (await app.Api().GetJsonAsync("/api/v1/event-types")).AsArray();

        var pointAdd = Single(catalog, "point_add");
        Assert.True(pointAdd["builtIn"]!.GetValue<bool>());
        Assert.Equal("Point add", pointAdd["label"]!.GetValue<string>());
        var points = pointAdd["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "points")!;
        Assert.Equal("integer", points["type"]!.GetValue<string>());
        Assert.True(points["required"]!.GetValue<bool>());
        var items = Single(catalog, "checkout")["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "items")!;
        Assert.Equal("object_list", items["type"]!.GetValue<string>());
        Assert.Contains(items["items"]!.AsArray(), i => i!["name"]!.GetValue<string>() == "product_id");
        Assert.Equal(12, catalog.Count(t => t!["builtIn"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task ADefinedTypeJoinsTheCatalogAndAwardsItsPointsThroughTheEventsApi()
    {
        var api = app.Api();
        var created = await api.PostJsonAsync("/api/v1/event-types",
            """{"name":"review_written","label":"Review written","attributes":[{"name":"stars","type":"integer","required":true}],"points":50,"once":false}""");

        await created.ShouldBeAsync(201);
        var type = await created.ReadJsonAsync();
        Assert.False(type["builtIn"]!.GetValue<bool>());
        Assert.Equal(50, type["points"]!.GetValue<long>());
        Assert.Equal("""[{"name":"stars","type":"integer","required":true}]""", type["attributes"]!.ToJsonString());
        var catalog = (await api.GetJsonAsync("/api/v1/event-types")).AsArray();
        Assert.Equal("Review written", Single(catalog, "review_written")["label"]!.GetValue<string>());

        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"et-review","action":"opt_in","data":{}}""")).ShouldBeAsync(201);
        var registered = await api.PostJsonAsync("/api/v1/events", """{"customer":"et-review","action":"review_written","data":{"stars":"5"}}""");

        await registered.ShouldBeAsync(201);
        var member = await api.GetJsonAsync("/api/v1/customers/et-review");
        Assert.Equal(50, member["balances"]!["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task ATypeThatHappensOnceRejectsASecondOccurrenceWith409()
    {
        var api = app.Api();
        await (await api.PostJsonAsync("/api/v1/event-types", """{"name":"app_installed","points":20,"once":true}""")).ShouldBeAsync(201);
        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"et-once","action":"opt_in","data":{}}""")).ShouldBeAsync(201);
        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"et-once","action":"app_installed","data":{}}""")).ShouldBeAsync(201);

        var second = await api.PostJsonAsync("/api/v1/events", """{"customer":"et-once","action":"app_installed","data":{}}""");

        await second.ShouldBeAsync(409);
        Assert.Equal("already_occurred", (await second.ReadJsonAsync())["code"]!.GetValue<string>());
        var member = await api.GetJsonAsync("/api/v1/customers/et-once");
        Assert.Equal(20, member["balances"]!["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task EveryFaultOfATypeIsReportedAtOnce()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/event-types",
            """{"name":"Review Written","attributes":[{"name":"Stars","type":"int"},{"name":"text","type":"string"}]}""");

        await answer.ShouldBeAsync(400);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("invalid_definition", problem["code"]!.GetValue<string>());
        Assert.Equal(["attributes[0].name", "attributes[0].type", "name"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Fact]
    public async Task ABuiltInNameCannotBeTaken()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/event-types", """{"name":"point_add","points":1000}""");

        await answer.ShouldBeAsync(400);
        Assert.Contains("built-in", (await answer.ReadJsonAsync())["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefiningATypeTwiceAnswers409()
    {
        var api = app.Api();
        await (await api.PostJsonAsync("/api/v1/event-types", """{"name":"store_visited"}""")).ShouldBeAsync(201);

        var again = await api.PostJsonAsync("/api/v1/event-types", """{"name":"store_visited","points":5}""");

        await again.ShouldBeAsync(409);
        Assert.Equal("event_type_exists", (await again.ReadJsonAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AWebhookCanTriggerACustomType()
    {
        var api = app.Api();
        await (await api.PostJsonAsync("/api/v1/event-types",
            """{"name":"survey_completed","attributes":[{"name":"survey","type":"string","required":true}],"points":30}""")).ShouldBeAsync(201);
        var created = await api.PostJsonAsync("/api/v1/webhooks", """
            {"name":"Surveys","method":"POST","endpoint":"et-surveys","action":"survey_completed",
             "mappings":[{"from":"member","to":"customer"},{"from":"survey","to":"data.survey"}]}
            """);
        await created.ShouldBeAsync(201);
        var webhook = await created.ReadJsonAsync();
        Assert.Equal("survey_completed", webhook["action"]!.GetValue<string>());
        var id = webhook["id"]!.GetValue<string>();
        await (await api.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"et-survey","action":"opt_in","data":{}}""")).ShouldBeAsync(201);

        var sent = await app.Sender().PostJsonAsync("/webhooks/custom/demo/et-surveys", """{"member":"et-survey","survey":"nps-2026"}""");

        await sent.ShouldBeAsync(200);
        var member = await api.GetJsonAsync("/api/v1/customers/et-survey");
        Assert.Equal(30, member["balances"]!["score"]!.GetValue<long>());
    }

    private static JsonNode Single(JsonArray catalog, string name) => catalog.Single(t => t!["name"]!.GetValue<string>() == name)!;
}
