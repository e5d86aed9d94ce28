namespace Inlet.Tests.Ingestion;

/// <summary>An Inlet that logs at most five requests to unknown endpoints per account and minute.</summary>
public sealed class SampledUnknownEndpointsApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Inlet:Logs:UnknownEndpointsPerMinute", "5")];
}

public sealed class UnknownEndpointFloodTests(SampledUnknownEndpointsApp app) : IClassFixture<SampledUnknownEndpointsApp>
{
    [Fact]
    public async Task AFloodOfRequestsToUnknownEndpointsIsAllAnswered404ButOnlyASampleIsLogged()
    {
        var minute = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60;
        for (var i = 0; i < 12; i++)
        {
            var answer = await app.SendAsync($"scanner-{i}", "{}");
            await answer.ShouldBeAsync(404);
            Assert.StartsWith("req_", answer.Headers.GetValues("Inlet-Request-Id").Single(), StringComparison.Ordinal);
        }
        var sameMinute = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60 == minute;

        var logged = (await app.Api().GetJsonAsync("/api/v1/logs?outcome=not_found&limit=100"))["items"]!.AsArray();
        // Five a minute: the twelve requests fall in one minute, or at most in two.
        if (sameMinute)
        {
            Assert.Equal(5, logged.Count);
        }
        else
        {
            Assert.InRange(logged.Count, 6, 10);
        }
    }
}
