namespace Inlet.Tests.Accounts;

public sealed class AccountsTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnAdminKeyCreatesAnAccountWithAFirstKeyThatIsNotAdmin()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/accounts", """{"id":"acme","name":"Acme"}""");

        await answer.ShouldBeAsync(201);
        var created = await answer.ReadJsonAsync();
        Assert.Equal("acme", created["account"]!["id"]!.GetValue<string>());
        Assert.Equal("Acme", created["account"]!["name"]!.GetValue<string>());
        var secret = created["apiKey"]!["secret"]!.GetValue<string>();
        Assert.StartsWith(created["apiKey"]!["prefix"]!.GetValue<string>(), secret, StringComparison.Ordinal);
        var keys = (await app.Api(secret).GetJsonAsync("/api/v1/api-keys")).AsArray();
        Assert.False(Assert.Single(keys)!["isAdmin"]!.GetValue<bool>());
        var refused = await app.Api(secret).PostJsonAsync("/api/v1/accounts", """{"id":"acme-child","name":"Child"}""");
        await refused.ShouldBeAsync(403);
    }

    [Fact]
    public async Task AKeyOfANewAccountSeesOnlyItsOwnAccount()
    {
        var api = app.Api();
        var acme = app.Api(await NewAccounts.CreateAsync(app, "acme-eu", "Acme Europe"));
        await (await api.PostJsonAsync("/api/v1/event-types", """{"name":"demo_only","points":5}""")).ShouldBeAsync(201);
        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"acc-demo-member","action":"opt_in","data":{}}""")).ShouldBeAsync(201);
        var demoWebhook = await api.PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add","endpoint":"acc-demo"}""");
        await demoWebhook.ShouldBeAsync(201);
        var demoWebhookId = (await demoWebhook.ReadJsonAsync())["id"]!.GetValue<string>();

        var acmeWebhook = await acme.PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add","endpoint":"acc-acme"}""");

        await acmeWebhook.ShouldBeAsync(201);
        var acmeWebhookId = (await acmeWebhook.ReadJsonAsync())["id"]!.GetValue<string>();
        await (await api.GetAsync($"/api/v1/webhooks/{acmeWebhookId}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await acme.GetAsync($"/api/v1/webhooks/{demoWebhookId}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        Assert.DoesNotContain((await acme.GetJsonAsync("/api/v1/webhooks")).AsArray(), w => w!["id"]!.GetValue<string>() == demoWebhookId);
        await (await acme.GetAsync("/api/v1/customers/acc-demo-member", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        await (await acme.GetAsync("/api/v1/event-types/demo_only", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        Assert.DoesNotContain((await acme.GetJsonAsync("/api/v1/event-types")).AsArray(), t => t!["name"]!.GetValue<string>() == "demo_only");
        var unknownAction = await acme.PostJsonAsync("/api/v1/events", """{"customer":"acc-demo-member","action":"demo_only","data":{}}""");
        await unknownAction.ShouldBeAsync(422);
    }

    [Fact]
    public async Task TheWebhookUrlsOfANewAccountAnswerAtOnce()
    {
        var acme = app.Api(await NewAccounts.CreateAsync(app, "acme-us"));
        var created = await acme.PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add","endpoint":"acc-points"}""");
        await created.ShouldBeAsync(201);
        var webhook = await created.ReadJsonAsync();
        Assert.EndsWith("/webhooks/custom/acme-us/acc-points", webhook["url"]!.GetValue<string>(), StringComparison.Ordinal);
        var id = webhook["id"]!.GetValue<string>();
        await (await acme.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await (await acme.PostJsonAsync("/api/v1/events", """{"customer":"acc-us-1","action":"opt_in","data":{}}""")).ShouldBeAsync(201);

        var sent = await app.Sender().PostJsonAsync("/webhooks/custom/acme-us/acc-points", """{"clientID":"acc-us-1","pointstobeadded":"40","pointadd":true}""");

        await sent.ShouldBeAsync(200);
        Assert.Equal(40, (await acme.GetJsonAsync("/api/v1/customers/acc-us-1"))["balances"]!["score"]!.GetValue<long>());
        await (await app.Api().GetAsync("/api/v1/customers/acc-us-1", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }

    [Fact]
    public async Task AKeyThatIsNotAdminCannotCreateAnAccount()
    {
        var plain = await app.Api().PostJsonAsync("/api/v1/api-keys", """{"name":"not admin"}""");
        var secret = (await plain.ReadJsonAsync())["secret"]!.GetValue<string>();

        var answer = await app.Api(secret).PostJsonAsync("/api/v1/accounts", """{"id":"acc-refused","name":"Refused"}""");

        await answer.ShouldBeAsync(403);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var created = await app.Api().PostJsonAsync("/api/v1/accounts", """{"id":"acc-refused","name":"Refused"}""");
        await created.ShouldBeAsync(201);
    }

    [Fact]
    public async Task EveryFaultOfANewAccountIsReportedAtOnce()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/accounts", """{"id":"Acme EU","name":" "}""");

        await answer.ShouldBeAsync(400);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("invalid_account", problem["code"]!.GetValue<string>());
        Assert.Equal(["id", "name"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData("-acme")]
    [InlineData("acme_eu")]
    [InlineData("acme\n")]
    [InlineData("")]
    public async Task AnAccountIdMustBeASlug(string id)
    {
        var answer = await app.Api().PostAsJsonAsync("/api/v1/accounts", new { id, name = "Acme" });

        await answer.ShouldBeAsync(400);
    }

    [Fact]
    public async Task AnExistingAccountIdAnswers409()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/accounts", """{"id":"demo","name":"Another demo"}""");

        await answer.ShouldBeAsync(409);
        Assert.Equal("account_exists", (await answer.ReadJsonAsync())["code"]!.GetValue<string>());
    }
}
