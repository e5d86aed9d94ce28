namespace Inlet.Tests.UseCases;

/// <summary>An mParticle purchase, end to end: blueprint with the chosen token, mParticle's batch, the member's pending points.</summary>
public sealed class MparticleTests(InletApp app) : IClassFixture<InletApp>
{
    private const string Purchase = """
        { "events": [ { "event_type": "commerce_event",
                        "data": { "currency_code": "EUR", "product_action": { "action": "purchase", "transaction_id": "MP-1", "total_amount": 42.5,
                                  "products": [ { "id": "SKU-1", "name": "Mug", "quantity": 1, "price": 42.5, "total_product_amount": 42.5 } ] } } } ],
          "user_identities": [ { "identity_type": "customer_id", "encoding": "raw", "identity": "mp-member" } ],
          "mpid": 1234, "environment": "production" }
        """;

    [Fact]
    public async Task AnMparticlePurchaseWithTheRightTokenBecomesACheckout()
    {
        var created = await app.Api().PostJsonAsync("/api/v1/webhooks",
            """{"blueprint":"mparticle-purchase","verification":{"type":"token","header":"Authorization","secret":"Bearer mp-secret-token"}}""");
        await created.ShouldBeAsync(201);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        await (await app.Api().PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await app.OptInAsync("mp-member");

        await (await app.SendAsync("mparticle-purchase", Purchase, headers: ("Authorization", "Bearer wrong"))).ShouldBeAsync(401);
        await (await app.SendAsync("mparticle-purchase", Purchase, headers: ("Authorization", "Bearer mp-secret-token"))).ShouldBeAsync(200);

        var member = await app.Api().GetJsonAsync("/api/v1/customers/mp-member");
        Assert.Equal(42, member["balances"]!["pending"]!.GetValue<long>());
    }

    [Fact]
    public async Task AnMparticleBlueprintWithoutATokenIsRefusedWithTheReason()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", """{"blueprint":"mparticle-refund"}""");

        await response.ShouldBeAsync(400);
        Assert.Contains("verification.secret", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }
}
