namespace Inlet.Tests.UseCases;

public sealed class ConcurrencyTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TwoHundredConcurrentPointChangesForOneMemberEndOnTheExactBalance()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("race-add"));
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("race-sub").Replace("point_add", "point_sub", StringComparison.Ordinal));
        await app.OptInAsync("racer");
        await (await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"racer","action":"point_add","data":{"points":50}}""")).ShouldBeAsync(201);

        // Half add 10, half subtract 15: some subtractions may find too few points, depending on the order they land in.
        var requests = Enumerable.Range(0, 200).Select(i => i % 2 == 0
            ? (Delta: 10L, Task: app.SendAsync("race-add", """{"clientID":"racer","points":10}"""))
            : (Delta: -15L, Task: app.SendAsync("race-sub", """{"clientID":"racer","points":15}"""))).ToList();
        await Task.WhenAll(requests.Select(r => r.Task));

        var accepted = requests.Where(r => r.Task.Result.IsSuccessStatusCode).ToList();
        Assert.All(requests.Where(r => !r.Task.Result.IsSuccessStatusCode), r => Assert.Equal(422, (int)r.Task.Result.StatusCode));
        Assert.Equal(50 + accepted.Sum(r => r.Delta), await app.ScoreAsync("racer"));
        var history = await app.Api().GetJsonAsync("/api/v1/customers/racer/events?limit=500");
        Assert.Equal(accepted.Count + 2, history["items"]!.AsArray().Count);
        Assert.True(accepted.Count >= 100, $"every addition should land, only {accepted.Count} requests did");
    }
}
