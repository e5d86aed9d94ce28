namespace Inlet.Tests.UseCases;

/// <summary>mParticle's webhook output, end to end: a blueprint with the chosen token, mParticle's batch, what became of the member.</summary>
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
    public async Task AnMparticleUserAttributeChangeWithTheJsonReferenceSpellingUpdatesTheName()
    {
        await CreateAsync("mparticle-user-attributes", "mp-names-change");
        await app.OptInAsync("mp-names-change");

        await SendAsync("mp-names-change", MparticleBatches.Batch("mp-names-change",
            MparticleBatches.UserAttributeChange("$firstname", "John"), MparticleBatches.ReferenceUserAttributes), 200);

        Assert.Equal(("John", "Doe"), await NameAsync("mp-names-change"));
    }

    [Fact]
    public async Task AnMparticleRegistrationWithTheJsonReferenceSpellingEnrollsTheMemberWithTheirName()
    {
        await CreateAsync("mparticle-registration", "mp-names-registration");

        await SendAsync("mp-names-registration", MparticleBatches.Batch("mp-names-registration",
            MparticleBatches.Registration, MparticleBatches.ReferenceUserAttributes), 200);

        Assert.Equal(("John", "Doe"), await NameAsync("mp-names-registration"));
    }

    [Fact]
    public async Task AnMparticleOptOutEventThatSaysNotOptedOutLeavesTheMemberActive()
    {
        await CreateAsync("mparticle-opt-out", "mp-opt-out");
        await app.OptInAsync("mp-opt-out");

        await SendAsync("mp-opt-out", MparticleBatches.Batch("mp-opt-out", MparticleBatches.OptOut(isOptedOut: false)), 422);
        Assert.Equal("active", await StatusAsync("mp-opt-out"));

        await SendAsync("mp-opt-out", MparticleBatches.Batch("mp-opt-out", MparticleBatches.OptOut(isOptedOut: true)), 200);
        Assert.Equal("opted_out", await StatusAsync("mp-opt-out"));
    }

    [Theory]
    [InlineData("mp-partial-products", "123", "[" + MparticleBatches.SampleProduct + "]")]
    [InlineData("mp-partial-amount", "123", "null")]
    public async Task AnMparticleRefundOfSomeProductsOrASmallerAmountTakesBackOnlyTheirPoints(string customer, string totalAmount, string products)
    {
        await CreateAsync("mparticle-refund", $"{customer}-whole");
        await AcceptedPurchaseAsync(customer, total: 200);
        var refund = MparticleBatches.Batch(customer, MparticleBatches.Refund($"{customer}-t", totalAmount, products));

        await SendAsync($"{customer}-whole", refund, 422);
        Assert.Equal(200, await app.ScoreAsync(customer));

        await CreateAsync("mparticle-partial-refund", $"{customer}-partial");
        await SendAsync($"{customer}-partial", refund, 200);
        Assert.Equal(77, await app.ScoreAsync(customer));
    }

    [Fact]
    public async Task AnMparticleRefundWithoutProductsOrAmountRefundsTheWholeTransaction()
    {
        await CreateAsync("mparticle-refund", "mp-whole-refund");
        await CreateAsync("mparticle-partial-refund", "mp-whole-refund-partial");
        await AcceptedPurchaseAsync("mp-whole-refund", total: 200);
        var refund = MparticleBatches.Batch("mp-whole-refund", MparticleBatches.Refund("mp-whole-refund-t", "0", "null"));

        await SendAsync("mp-whole-refund-partial", refund, 422);
        await SendAsync("mp-whole-refund", refund, 200);

        Assert.Equal(0, await app.ScoreAsync("mp-whole-refund"));
    }

    [Fact]
    public async Task AnMparticleBlueprintWithoutATokenIsRefusedWithTheReason()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/webhooks", """{"blueprint":"mparticle-refund"}""");

        await response.ShouldBeAsync(400);
        Assert.Contains("verification.secret", (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
    }

    private Task<string> CreateAsync(string blueprint, string endpoint) => app.CreateWebhookAsync($$$"""
        {"blueprint":"{{{blueprint}}}","endpoint":"{{{endpoint}}}","verification":{"type":"token","header":"Authorization","secret":"Bearer mp-secret-token"}}
        """);

    private async Task SendAsync(string endpoint, string batch, int status) =>
        await (await app.SendAsync(endpoint, batch, headers: ("Authorization", "Bearer mp-secret-token"))).ShouldBeAsync(status);

    /// <summary>A member whose purchase of <paramref name="total"/> (transaction <c>{customer}-t</c>) is accepted: its points are in the score.</summary>
    private async Task AcceptedPurchaseAsync(string customer, int total)
    {
        await app.OptInAsync(customer);
        foreach (var action in new[] { "checkout", "checkout_accept" })
        {
            await (await app.Api().PostJsonAsync("/api/v1/events", $$$"""
                {"customer":"{{{customer}}}","action":"{{{action}}}","data":{"transaction_id":"{{{customer}}}-t","total":{{{total}}}}}
                """)).ShouldBeAsync(201);
        }
        Assert.Equal(total, await app.ScoreAsync(customer));
    }

    private async Task<(string? First, string? Last)> NameAsync(string customer)
    {
        var profile = (await app.Api().GetJsonAsync($"/api/v1/customers/{customer}"))["profile"]!;
        return (profile["first_name"]?.GetValue<string>(), profile["last_name"]?.GetValue<string>());
    }

    private async Task<string> StatusAsync(string customer) =>
        (await app.Api().GetJsonAsync($"/api/v1/customers/{customer}"))["status"]!.GetValue<string>();
}
