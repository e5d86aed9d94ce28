using System.Text.Json.Nodes;

namespace Inlet.Tests.UseCases;

/// <summary>The five use cases of the manual, walked as a user would: blueprint, activate, the manual's payload, the member.</summary>
public sealed class ManualUseCaseTests(InletApp app) : IClassFixture<InletApp>
{
    private async Task<(string WebhookId, HttpResponseMessage Response)> RunAsync(string blueprint, string endpoint, string payload)
    {
        var webhookId = await app.CreateWebhookAsync($$"""{"blueprint":"{{blueprint}}"}""");
        var response = await app.SendAsync(endpoint, payload);
        await response.ShouldBeAsync(200);
        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{response.Headers.GetValues("Inlet-Request-Id").Single()}");
        Assert.Equal(("processed", webhookId, payload), (log["outcome"]!.GetValue<string>(), log["webhookId"]!.GetValue<string>(), log["body"]!.GetValue<string>()));
        return (webhookId, response);
    }

    private async Task<JsonNode> MemberAsync(string id) => await app.Api().GetJsonAsync($"/api/v1/customers/{id}");

    private async Task<JsonArray> HistoryAsync(string id) => (await app.Api().GetJsonAsync($"/api/v1/customers/{id}/events"))["items"]!.AsArray();

    private static long Balance(JsonNode member, string name) => member["balances"]![name]!.GetValue<long>();

    private async Task SendEventAsync(string json) => await (await app.Api().PostJsonAsync("/api/v1/events", json)).ShouldBeAsync(201);

    [Fact]
    public async Task PointAddAddsThePointsToTheMember()
    {
        await app.OptInAsync("uc-add");

        var (webhookId, response) = await RunAsync("point-add", "endpoint1",
            """{"clientID":"uc-add","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}""");

        Assert.Equal(100, Balance(await MemberAsync("uc-add"), "score"));
        var latest = (await HistoryAsync("uc-add"))[0]!;
        Assert.Equal(("point_add", 100L, "welcome bonus"), (latest["action"]!.GetValue<string>(), latest["pointsDelta"]!.GetValue<long>(),
            latest["data"]!["reason"]!.GetValue<string>()));
        Assert.Equal($"webhook:{webhookId}@v1", latest["source"]!.GetValue<string>());
        var requestId = response.Headers.GetValues("Inlet-Request-Id").Single();
        Assert.Equal(requestId, latest["requestLogId"]!.GetValue<string>());
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{requestId}");
        Assert.Equal(("processed", 200, 1), (log["outcome"]!.GetValue<string>(), log["statusCode"]!.GetValue<int>(), log["webhookVersion"]!.GetValue<int>()));
        Assert.Equal((webhookId, latest["id"]!.GetValue<string>(), "uc-add"),
            (log["webhookId"]!.GetValue<string>(), log["eventId"]!.GetValue<string>(), log["customerId"]!.GetValue<string>()));
        Assert.Equal("""{"ok":true}""", log["responseBody"]!.GetValue<string>());
        Assert.True(log["filterTrace"]![0]!["result"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PointSubSubtractsThePointsFromTheMember()
    {
        await app.OptInAsync("uc-sub");
        await SendEventAsync("""{"customer":"uc-sub","action":"point_add","data":{"points":100}}""");

        await RunAsync("point-sub", "endpoint2", """{"clientID":"uc-sub","pointsub":30,"reason":"redeemed a voucher"}""");

        var member = await MemberAsync("uc-sub");
        Assert.Equal((70L, 70L), (Balance(member, "score"), Balance(member, "spendable")));
        Assert.Equal(-30, (await HistoryAsync("uc-sub"))[0]!["pointsDelta"]!.GetValue<long>());
    }

    [Fact]
    public async Task CheckoutAcceptMovesThePendingPointsToTheScore()
    {
        await app.OptInAsync("uc-accept");
        await SendEventAsync("""{"customer":"uc-accept","action":"checkout","data":{"transaction_id":"T-1001","total":"120.50"}}""");
        Assert.Equal(120, Balance(await MemberAsync("uc-accept"), "pending"));

        await RunAsync("checkout-accept", "endpoint3", """{"clientID":"uc-accept","transaction_id":"T-1001","total":"120.50","checkoutaccept":true}""");

        var member = await MemberAsync("uc-accept");
        Assert.Equal((120L, 0L), (Balance(member, "score"), Balance(member, "pending")));
        Assert.Equal(["checkout_accept", "checkout", "opt_in"], (await HistoryAsync("uc-accept")).Select(e => e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CheckoutAcceptItemAcceptsAnUnknownPurchaseOnceForAllItsItems()
    {
        await app.OptInAsync("uc-item");

        await RunAsync("checkout-accept-item", "endpoint4",
            """{"clientID":"uc-item","transaction_id":"T-2002","total":"80","product_id":"SKU-9","subtotal":"40","quantity":"2","checkoutacceptitem":true}""");
        var second = await app.SendAsync("endpoint4",
            """{"clientID":"uc-item","transaction_id":"T-2002","total":"80","product_id":"SKU-7","subtotal":"40","quantity":"1","checkoutacceptitem":true}""");
        await second.ShouldBeAsync(200);
        var repeated = await app.SendAsync("endpoint4",
            """{"clientID":"uc-item","transaction_id":"T-2002","total":"80","product_id":"SKU-7","subtotal":"40","quantity":"1","checkoutacceptitem":true}""");

        await repeated.ShouldBeAsync(409);
        Assert.Equal(80, Balance(await MemberAsync("uc-item"), "score"));
        var history = await HistoryAsync("uc-item");
        Assert.Equal(["SKU-7", "SKU-9"], history.Where(e => e!["action"]!.GetValue<string>() == "checkout_accept_item")
            .Select(e => e!["data"]!["product_id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task OptinLabelsEnrollsTheCustomerWithTheirLabels()
    {
        await RunAsync("optin-labels", "optin_labels",
            """{"customerID":"uc-optin","optin_labels":"jane@example.com","first_name":"Jane","last_name":"Doe","labels":"vip,newsletter"}""");

        var member = await MemberAsync("uc-optin");
        Assert.Equal("active", member["status"]!.GetValue<string>());
        Assert.Equal(["vip", "newsletter"], member["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(("jane@example.com", "Jane", "Doe"), (member["profile"]!["email"]!.GetValue<string>(),
            member["profile"]!["first_name"]!.GetValue<string>(), member["profile"]!["last_name"]!.GetValue<string>()));
        Assert.Equal("opt_in", (await HistoryAsync("uc-optin"))[0]!["action"]!.GetValue<string>());
    }
}
