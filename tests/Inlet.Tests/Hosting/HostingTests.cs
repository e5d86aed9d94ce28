namespace Inlet.Tests.Hosting;

public sealed class HostingTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TheOpenApiDocumentDescribesTheManagementApi()
    {
        var document = await app.Sender().GetJsonAsync("/openapi/v1.json");

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/webhooks", paths);
        Assert.Contains("/api/v1/webhooks/{id}/activate", paths);
        Assert.Contains("/api/v1/events", paths);
        Assert.Contains("/api/v1/customers/{id}", paths);
    }

    [Fact]
    public async Task TheInteractiveApiPageIsServed()
    {
        var page = await app.Sender().GetAsync("/api/", TestContext.Current.CancellationToken);

        await page.ShouldBeAsync(200);
        Assert.Contains("text/html", page.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpointsAnswerHealthy(string path)
    {
        var response = await app.Sender().GetAsync(path, TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(200);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task TheApiRefusesARequestWithoutAKey()
    {
        await (await app.Sender().GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(401);
        await (await app.Api("inlet_not-a-key").GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(401);
    }

    [Fact]
    public async Task AMalformedJsonBodyAnswers400()
    {
        var response = await app.Api().PostJsonAsync("/api/v1/events", "{\"customer\":");

        await response.ShouldBeAsync(400);
    }

    [Fact]
    public async Task AnOpenEventWithANumericTransactionIdIsStoredNotCrashed()
    {
        await app.OptInAsync("odd-data");

        var response = await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"odd-data","action":"profile","data":{"transaction_id":42}}""");

        await response.ShouldBeAsync(201);
    }

    [Fact]
    public async Task ACustomerIdWithASlashIsReadBackWhole()
    {
        await app.OptInAsync("acme/42");

        var member = await app.Api().GetJsonAsync("/api/v1/customers/acme%2F42");
        var history = await app.Api().GetJsonAsync("/api/v1/customers/acme%2F42/events");

        Assert.Equal("acme/42", member["id"]!.GetValue<string>());
        Assert.Single(history["items"]!.AsArray());
    }
}
