using System.Net;

namespace Inlet.Tests.Accounts;

/// <summary>An Inlet whose management API takes eight requests per API key and minute.</summary>
public sealed class RateLimitedApiApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings => [("Inlet:Api:RequestsPerMinute", "8")];
}

public sealed class ApiRateLimitTests(RateLimitedApiApp app) : IClassFixture<RateLimitedApiApp>
{
    [Fact]
    public async Task AKeyOverItsLimitGets429WithRetryAfterWhileAnotherKeyAndWebhookSendersGoOn()
    {
        var busy = app.Api();
        var second = (await (await busy.PostJsonAsync("/api/v1/api-keys", """{"name":"second"}""")).ReadJsonAsync())["secret"]!.GetValue<string>();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await busy.GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), TestContext.Current.CancellationToken));
        }

        // Eight in the minute, the first of them the key's creation: the eighth request of the loop is over the limit.
        Assert.All(answers.Take(7), answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
        var refused = answers[7];
        await refused.ShouldBeAsync(429);
        Assert.Equal("rate_limited", (await refused.ReadJsonAsync())["code"]!.GetValue<string>());
        Assert.InRange(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);

        await (await app.Api(second).GetAsync(new Uri("/api/v1/webhooks", UriKind.Relative), TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await (await app.SendAsync("no-such-endpoint", "{}")).ShouldBeAsync(404);
    }
}
