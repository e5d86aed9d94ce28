using System.Text.Json.Nodes;

namespace Inlet.Tests.Settings;

public sealed class SettingsTests(InletApp app) : IClassFixture<InletApp>
{
    private const string Defaults = """{"earnRate":1,"checkoutPending":true,"unknownCustomer":"reject","parkDays":30,"allowNegativeBalance":false}""";

    [Fact]
    public async Task AnEmptyPutRestoresEveryDefault()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"earnRate":3,"allowNegativeBalance":true}""")).ShouldBeAsync(200);

        var saved = await app.Api().PutJsonAsync("/api/v1/settings", "{}");

        await saved.ShouldBeAsync(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Defaults), await saved.ReadJsonAsync()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Defaults), await app.Api().GetJsonAsync("/api/v1/settings")));
    }

    [Fact]
    public async Task APutReturnsTheSavedSettingsAndAGetReadsThemBack()
    {
        const string settings = """{"earnRate":2.5,"checkoutPending":false,"unknownCustomer":"park","parkDays":7,"allowNegativeBalance":true}""";

        var saved = await app.Api().PutJsonAsync("/api/v1/settings", settings);

        await saved.ShouldBeAsync(200);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(settings), await saved.ReadJsonAsync()));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(settings), await app.Api().GetJsonAsync("/api/v1/settings")));
    }

    [Fact]
    public async Task APutWithFaultsNamesEveryOneAndChangesNothing()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"earnRate":4}""")).ShouldBeAsync(200);

        var response = await app.Api().PutJsonAsync("/api/v1/settings",
            """{"earnRate":-1,"checkoutPending":"yes","unknownCustomer":"maybe","allowNegativeBalance":null,"earn_rate":2}""");

        await response.ShouldBeAsync(400);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("invalid_settings", problem["code"]!.GetValue<string>());
        Assert.Equal(["allowNegativeBalance", "checkoutPending", "earnRate", "earn_rate", "unknownCustomer"],
            problem["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await app.Api().GetJsonAsync("/api/v1/settings"))["earnRate"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task AnEarnRateOfAWordIsReportedWithAnExample()
    {
        var response = await app.Api().PutJsonAsync("/api/v1/settings", """{"earnRate":"two"}""");

        await response.ShouldBeAsync(400);
        Assert.Contains("2.5", (await response.ReadJsonAsync())["errors"]!["earnRate"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABodyThatIsNotJsonAnswers400()
    {
        var response = await app.Api().PutJsonAsync("/api/v1/settings", "{\"earnRate\": ");

        await response.ShouldBeAsync(400);
        Assert.Equal("invalid_settings", (await response.ReadJsonAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownCustomersAreRejectedByDefaultAndEnrolledWithCreate()
    {
        const string pointAdd = """{"customer":"st-new-1","action":"point_add","data":{"points":5}}""";
        await (await app.Api().PutJsonAsync("/api/v1/settings", "{}")).ShouldBeAsync(200);

        var rejected = await app.Api().PostJsonAsync("/api/v1/events", pointAdd);
        await rejected.ShouldBeAsync(422);
        Assert.Equal("customer_not_found", (await rejected.ReadJsonAsync())["code"]!.GetValue<string>());

        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);
        await (await app.Api().PostJsonAsync("/api/v1/events", pointAdd)).ShouldBeAsync(201);
        Assert.Equal(5, (await app.Api().GetJsonAsync("/api/v1/customers/st-new-1"))["balances"]!["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task TheEarnRateMultipliesCheckoutPoints()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"earnRate":2.5,"unknownCustomer":"create"}""")).ShouldBeAsync(200);

        await (await app.Api().PostJsonAsync("/api/v1/events",
            """{"customer":"st-rate-1","action":"checkout","data":{"transaction_id":"st-t-1","total":10}}""")).ShouldBeAsync(201);

        var balances = (await app.Api().GetJsonAsync("/api/v1/customers/st-rate-1"))["balances"]!;
        Assert.Equal(25, balances["pending"]!.GetValue<long>());
        Assert.Equal(0, balances["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task WithoutPendingCheckoutsPointsGoStraightToScore()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"checkoutPending":false,"unknownCustomer":"create"}""")).ShouldBeAsync(200);

        await (await app.Api().PostJsonAsync("/api/v1/events",
            """{"customer":"st-direct-1","action":"checkout","data":{"transaction_id":"st-t-2","total":10}}""")).ShouldBeAsync(201);

        var balances = (await app.Api().GetJsonAsync("/api/v1/customers/st-direct-1"))["balances"]!;
        Assert.Equal(10, balances["score"]!.GetValue<long>());
        Assert.Equal(0, balances["pending"]!.GetValue<long>());
    }
}
