namespace Inlet.Tests.UseCases;

public sealed class PointAddTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ThePointAddUseCaseAddsPointsAndLogsTheRequest()
    {
        var api = app.Api();
        var created = await api.PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add"}""");
        await created.ShouldBeAsync(201);
        var webhook = await created.ReadJsonAsync();
        var id = webhook["id"]!.GetValue<string>();
        Assert.Equal("inactive", webhook["status"]!.GetValue<string>());
        Assert.EndsWith("/webhooks/custom/demo/endpoint1", webhook["url"]!.GetValue<string>(), StringComparison.Ordinal);

        (await api.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await (await api.PostJsonAsync("/api/v1/events", """{"customer":"pa-1","action":"opt_in","data":{}}""")).ShouldBeAsync(201);

        var sent = await app.Sender().PostJsonAsync("/webhooks/custom/demo/endpoint1",
            """{"clientID":"pa-1","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}""");

        await sent.ShouldBeAsync(200);
        Assert.Equal("""{"ok":true}""", await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var member = await api.GetJsonAsync("/api/v1/customers/pa-1");
        Assert.Equal(100, member["balances"]!["score"]!.GetValue<long>());
        var history = await api.GetJsonAsync("/api/v1/customers/pa-1/events");
        var latest = history["items"]![0]!;
        Assert.Equal("point_add", latest["action"]!.GetValue<string>());
        Assert.Equal($"webhook:{id}@v1", latest["source"]!.GetValue<string>());
        Assert.Equal(sent.Headers.GetValues("Inlet-Request-Id").Single(), latest["requestLogId"]!.GetValue<string>());
    }
}
