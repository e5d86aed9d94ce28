using System.Collections.Concurrent;
using System.Text;

namespace Inlet.Tests.Writer;

/// <summary>A 2xx means durably stored: what was answered survives a SIGKILL, and a sender's retries never count twice.</summary>
[Trait("Store", "sqlite")]
public sealed class CrashTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-crash-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed record Delivery(string Key, string Member, int Points)
    {
        public string Body => $$"""{"clientID":"{{Member}}","points":{{Points}}}""";
    }

    [Fact]
    public async Task AfterASigkillMidStreamRetryingWhatGotNo2xxEndsOnExactBalances()
    {
        var deliveries = Enumerable.Range(0, 4000).Select(i => new Delivery($"delivery-{i}", $"crash-{i % 12}", 1 + (i % 7))).ToArray();
        var attempted = new ConcurrentDictionary<Delivery, bool>();
        var acknowledged = new ConcurrentDictionary<Delivery, bool>();
        using (var first = await InletProcess.StartAsync(_folder))
        {
            using var api = first.Client();
            await (await api.PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"create"}""")).ShouldBeAsync(200);
            var webhook = (await (await api.PostJsonAsync("/api/v1/webhooks", Scenario.PointAddDefinition("crash"))).ReadJsonAsync())["id"]!.GetValue<string>();
            await (await api.PostAsync(new Uri($"/api/v1/webhooks/{webhook}/activate", UriKind.Relative), null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);

            // Sixteen senders stream deliveries; the process is killed once 600 were answered, while others are in flight.
            var next = -1;
            async Task SendAllAsync()
            {
                using var sender = first.Client();
                for (var i = Interlocked.Increment(ref next); i < deliveries.Length; i = Interlocked.Increment(ref next))
                {
                    attempted[deliveries[i]] = true;
                    try
                    {
                        if ((await DeliverAsync(sender, deliveries[i])).IsSuccessStatusCode)
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
            first.Kill();
            await Task.WhenAll(senders);
        }
        Assert.InRange(acknowledged.Count, 600, attempted.Count - 1);

        using var second = await InletProcess.StartAsync(_folder);
        using var client = second.Client();
        foreach (var delivery in attempted.Keys.Where(d => !acknowledged.ContainsKey(d)))
        {
            // The sender retries what got no 2xx: stored before the kill, it is answered as a duplicate; lost, it is stored now.
            await (await DeliverAsync(client, delivery)).ShouldBeAsync(200);
        }

        foreach (var member in attempted.Keys.GroupBy(d => d.Member))
        {
            var customer = await client.GetJsonAsync($"/api/v1/customers/{member.Key}");
            Assert.Equal(member.Sum(d => d.Points), customer["balances"]!["score"]!.GetValue<long>());
            var history = await client.GetJsonAsync($"/api/v1/customers/{member.Key}/events?limit=500");
            Assert.Equal(member.Count(), history["items"]!.AsArray().Count);
        }
    }

    private static async Task<HttpResponseMessage> DeliverAsync(HttpClient client, Delivery delivery)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/webhooks/custom/demo/crash", UriKind.Relative))
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", delivery.Key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
