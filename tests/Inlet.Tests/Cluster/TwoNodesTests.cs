using System.Diagnostics;
using System.Net;
using Inlet.Tests.Backoffice;
using Inlet.Tests.Writer;

namespace Inlet.Tests.Cluster;

/// <summary>Two nodes over one PostgreSQL database behave as one Inlet: configuration, balances, keys and sessions are shared.</summary>
[Trait("Store", "postgres")]
public sealed class TwoNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task AWebhookActivatedOnOneNodeIsServedByTheOtherWithinASecondAndStopsThereWithinASecondOfItsDeactivation()
    {
        _ = nodes.Database;
        using var onA = nodes.A.Client();
        await (await onA.PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);
        var webhook = await CreateAsync(onA, Scenario.PointAddDefinition("cluster-live"));
        // Created inactive on A: within a second, B knows it and answers 503 too.
        await WithinASecondAsync(async () => (await SendAsync(nodes.B, "cluster-live", """{"clientID":"live-1","points":1}""")).StatusCode == HttpStatusCode.ServiceUnavailable);

        await (await onA.PostAsync(new Uri($"/api/v1/webhooks/{webhook}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await WithinASecondAsync(async () => (await SendAsync(nodes.B, "cluster-live", """{"clientID":"live-1","points":1}""")).StatusCode == HttpStatusCode.OK);

        await (await onA.PostAsync(new Uri($"/api/v1/webhooks/{webhook}/deactivate", UriKind.Relative), null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await WithinASecondAsync(async () => (await SendAsync(nodes.B, "cluster-live", """{"clientID":"live-1","points":1}""")).StatusCode == HttpStatusCode.ServiceUnavailable);
    }

    [Fact]
    public async Task FourHundredConcurrentAddsAndSubtractionsForTenMembersSplitAcrossBothNodesEndOnExactBalancesWithOneEventPer2xx()
    {
        _ = nodes.Database;
        using var onA = nodes.A.Client();
        await CreateAsync(onA, Scenario.PointAddDefinition("cluster-add"), activate: true);
        await CreateAsync(onA, Scenario.PointAddDefinition("cluster-sub").Replace("point_add", "point_sub", StringComparison.Ordinal), activate: true);
        var members = Enumerable.Range(0, 10).Select(i => $"split-{i}").ToArray();
        foreach (var member in members)
        {
            await (await onA.PostJsonAsync("/api/v1/events", $$$"""{"customer":"{{{member}}}","action":"opt_in","data":{}}""")).ShouldBeAsync(201);
        }
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        // Sixteen senders per node, on kept-alive connections, so both nodes' batches for the same members overlap all along.
        // Subtractions may find too few points and be refused (422): the balance is what the 2xx answers moved, exactly.
        using var toA = new HttpClient { BaseAddress = nodes.A.Url };
        using var toB = new HttpClient { BaseAddress = nodes.B.Url };
        var next = -1;
        async Task<List<(string Member, int Points, bool Registered)>> SenderAsync(HttpClient node)
        {
            var sent = new List<(string, int, bool)>();
            for (var i = Interlocked.Increment(ref next); i < 400; i = Interlocked.Increment(ref next))
            {
                var (endpoint, points) = i % 3 == 0 ? ("cluster-sub", -4) : ("cluster-add", 5);
                var body = $$$"""{"clientID":"{{{members[i % 10]}}}","points":{{{Math.Abs(points)}}}}""";
                var answer = await SendAsync(node, endpoint, body);
                Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"answered {(int)answer.StatusCode}");
                sent.Add((members[i % 10], answer.IsSuccessStatusCode ? points : 0, answer.IsSuccessStatusCode));
            }
            return sent;
        }
        var answers = (await Task.WhenAll(Enumerable.Range(0, 32).Select(s => SenderAsync(s % 2 == 0 ? toA : toB)))).SelectMany(a => a).ToList();

        Assert.Contains(answers, a => a.Points < 0);
        foreach (var member in answers.GroupBy(a => a.Member))
        {
            var customer = await onA.GetJsonAsync($"/api/v1/customers/{member.Key}");
            Assert.Equal(member.Sum(a => a.Points), customer["balances"]!["score"]!.GetValue<long>());
            var history = await nodes.B.Client().GetJsonAsync($"/api/v1/customers/{member.Key}/events?limit=500");
            Assert.Equal(1 + member.Count(a => a.Registered), history["items"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task TheSameIdempotencyKeySentToBothNodesAtOnceRegistersOneEventAndBothAnswerTheSame()
    {
        _ = nodes.Database;
        using var onA = nodes.A.Client();
        await (await onA.PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);
        await CreateAsync(onA, Scenario.PointAddDefinition("cluster-keys"), activate: true);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);

        using var toA = new HttpClient { BaseAddress = nodes.A.Url };
        using var toB = new HttpClient { BaseAddress = nodes.B.Url };
        const string Body = """{"clientID":"keyed-1","points":3}""";
        var pairs = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.WhenAll(
            SendAsync(toA, "cluster-keys", Body, $"key-{i}"), SendAsync(toB, "cluster-keys", Body, $"key-{i}"))));
        foreach (var both in pairs)
        {
            Assert.All(both, answer => Assert.Equal(HttpStatusCode.OK, answer.StatusCode));
            Assert.Equal(await both[0].Content.ReadAsStringAsync(TestContext.Current.CancellationToken), await both[1].Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        Assert.Equal(60, (await onA.GetJsonAsync("/api/v1/customers/keyed-1"))["balances"]!["score"]!.GetValue<long>());
        Assert.Equal(20, (await onA.GetJsonAsync("/api/v1/customers/keyed-1/events?limit=100"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task ABackofficeSessionOpenedOnOneNodeIsAcceptedByTheOtherWithItsAntiforgeryTokens()
    {
        _ = nodes.Database;
        var cookies = new CookieContainer();
        using var onA = Browser(nodes.A, cookies);
        using var onB = Browser(nodes.B, cookies);

        Assert.True(await Forms.SignInAsync(onA, "admin", InletApp.AdminPassword));

        var list = await onB.GetAsync(new Uri("/backoffice", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("Incoming webhooks", await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        // A form rendered by A is accepted by B: the antiforgery token was protected with the shared key ring.
        var logout = await onB.PostAsync(new Uri("/backoffice/logout", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Forms.TokenAsync(onA, "/backoffice"),
        }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
    }

    private static async Task<string> CreateAsync(HttpClient api, string definition, bool activate = false)
    {
        var created = await api.PostJsonAsync("/api/v1/webhooks", definition);
        await created.ShouldBeAsync(201);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        if (activate)
        {
            await (await api.PostAsync(new Uri($"/api/v1/webhooks/{id}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        }
        return id;
    }

    private static async Task<HttpResponseMessage> SendAsync(InletProcess node, string endpoint, string body)
    {
        using var sender = new HttpClient { BaseAddress = node.Url };
        return await SendAsync(sender, endpoint, body);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient sender, string endpoint, string body, string? key = null)
    {
        var answer = await sender.SendWebhookAsync(endpoint, body, headers: key is null ? [] : [("Idempotency-Key", key)]);
        await answer.Content.LoadIntoBufferAsync(TestContext.Current.CancellationToken);
        return answer;
    }

    /// <summary>Polls until the condition holds, and fails if that took more than a second.</summary>
    private static async Task WithinASecondAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the other node still served the old configuration after {clock.Elapsed.TotalMilliseconds:F0} ms");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static HttpClient Browser(InletProcess node, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node.Url };
}
