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

    [Theory]
    [InlineData(new byte[] { 0xff, 0xfe })]
    [InlineData(new byte[] { (byte)'\\', (byte)'u', (byte)'d', (byte)'8', (byte)'0', (byte)'0' })]
    public async Task AnEventWhoseDataNoStringCanHoldAnswers400(byte[] inString)
    {
        byte[] body = [.. "{\"customer\":\"unreadable-data\",\"action\":\"profile\",\"data\":{\"email\":\""u8, .. inString, .. "\"}}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        var response = await app.Api().PostAsync("/api/v1/events", content, TestContext.Current.CancellationToken);

        await response.ShouldBeAsync(400);
        Assert.Equal("invalid_json", (await response.ReadJsonAsync())["code"]!.GetValue<string>());
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
