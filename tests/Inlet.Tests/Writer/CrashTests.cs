using System.Collections.Concurrent;

namespace Inlet.Tests.Writer;

/// <summary>A 2xx means durably stored: what was answered survives a SIGKILL, and a sender's retries never count twice.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Delivery(string Key, string Member, int Points)
    {
        public string Body => $$"""{"clientID":"{{Member}}","points":{{Points}}}""";
    }

    [Fact]
    [Trait("Store", "sqlite")]
    public async Task AfterASigkillMidStreamRetryingWhatGotNo2xxEndsOnExactBalances()
    {
        Dictionary<Delivery, bool> answered;
        using (var first = await InletProcess.StartAsync(_folder))
        {
            answered = await StreamUntilStoppedAsync(first, inlet => inlet.Kill());
        }
        using var second = await InletProcess.StartAsync(_folder);
        await RetryAndCheckAsync(second, answered);
    }

    [Fact]
    [Trait("Store", "sqlite")]
    public async Task AfterASigtermMidStreamEvery2xxIsStoredTheRestIsRefusedCleanlyAndTheProcessExits0()
    {
        Dictionary<Delivery, bool> answered;
        using (var first = await InletProcess.StartAsync(_folder))
        {
            answered = await StreamUntilStoppedAsync(first, inlet => inlet.Terminate());
            Assert.Equal(0, await first.ExitCodeAsync());
        }
        using var second = await InletProcess.StartAsync(_folder);
        await RetryAndCheckAsync(second, answered);
    }

    [Fact]
    [Trait("Store", "postgres")]
    public async Task AfterASigkillOfOneNodeMidStreamRetryingThroughTheOtherEndsOnExactBalances()
    {
        await using var nodes = new Cluster.TwoNodes();
        await nodes.InitializeAsync();
        _ = nodes.Database;
        var answered = await StreamUntilStoppedAsync(nodes.A, inlet => inlet.Kill());
        await RetryAndCheckAsync(nodes.B, answered);
    }

    /// <summary>
    /// Sixteen senders stream deliveries with idempotency keys; the process is stopped once 600 were answered, while others
    /// are in flight. Returns every delivery attempted, and whether it got a 2xx.
    /// </summary>
    private static async Task<Dictionary<Delivery, bool>> StreamUntilStoppedAsync(InletProcess inlet, Action<InletProcess> stop)
    {
        var deliveries = Enumerable.Range(0, 4000).Select(i => new Delivery($"delivery-{i}", $"crash-{i % 12}", 1 + (i % 7))).ToArray();
        var attempted = new ConcurrentDictionary<Delivery, bool>();
        var acknowledged = new ConcurrentDictionary<Delivery, bool>();
        var statuses = new ConcurrentBag<int>();
        using var api = inlet.Client();
        await (await api.PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);
        var webhook = (await (await api.PostJsonAsync("/api/v1/webhooks", Scenario.PointAddDefinition("crash"))).ReadJsonAsync())["id"]!.GetValue<string>();
        await (await api.PostAsync(new Uri($"/api/v1/webhooks/{webhook}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);

        var next = -1;
        async Task SendAllAsync()
        {
            using var sender = inlet.Client();
            for (var i = Interlocked.Increment(ref next); i < deliveries.Length; i = Interlocked.Increment(ref next))
            {
                attempted[deliveries[i]] = true;
                try
                {
                    var answer = await DeliverAsync(sender, deliveries[i]);
                    statuses.Add((int)answer.StatusCode);
                    if (answer.IsSuccessStatusCode)
                    {
                        acknowledged[deliveries[i]] = true;
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        }
        var senders = Enumerable.Range(0, 16).Select(_ => Task.Run(SendAllAsync)).ToArray();
        await Batches.UntilAsync(() => acknowledged.Count >= 600);
        stop(inlet);
        await Task.WhenAll(senders);
        Assert.InRange(acknowledged.Count, 600, attempted.Count - 1);
        // What was answered and not stored was refused as unavailable, for the sender to retry; nothing else.
        Assert.All(statuses, status => Assert.True(status is 200 or 503, $"answered {status}"));
        return attempted.Keys.ToDictionary(d => d, acknowledged.ContainsKey);
    }

    /// <summary>The sender retries what got no 2xx: stored before the kill, it is answered as a duplicate; lost, it is stored now.</summary>
    private static async Task RetryAndCheckAsync(InletProcess inlet, Dictionary<Delivery, bool> answered)
    {
        using var client = inlet.Client();
        await Batches.UntilAsync(() => client.GetAsync(new Uri("/webhooks/custom/demo/crash", UriKind.Relative)).GetAwaiter().GetResult().StatusCode
            != System.Net.HttpStatusCode.NotFound);
        foreach (var delivery in answered.Where(d => !d.Value).Select(d => d.Key))
        {
            await (await DeliverAsync(client, delivery)).ShouldBeAsync(200);
        }

        foreach (var member in answered.Keys.GroupBy(d => d.Member))
        {
            var customer = await client.GetJsonAsync($"/api/v1/customers/{member.Key}");
            Assert.Equal(member.Sum(d => d.Points), customer["balances"]!["score"]!.GetValue<long>());
            var history = await client.GetJsonAsync($"/api/v1/customers/{member.Key}/events?limit=500");
            Assert.Equal(member.Count(), history["items"]!.AsArray().Count);
        }
    }

    private static Task<HttpResponseMessage> DeliverAsync(HttpClient client, Delivery delivery) =>
        client.SendWebhookAsync("crash", delivery.Body, headers: ("Idempotency-Key", delivery.Key));
}
