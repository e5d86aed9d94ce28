using Inlet.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Parked;

/// <summary>With <c>unknownCustomer: park</c>, events for a customer who is not a member yet wait for them (spec §6).</summary>
public sealed class ParkedEventTests(InletApp app) : IAsyncLifetime, IClassFixture<InletApp>
{
    public async ValueTask InitializeAsync()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"park","parkDays":30}""")).ShouldBeAsync(200);
        foreach (var (endpoint, action) in new[] { ("park-add", "point_add"), ("park-sub", "point_sub") })
        {
            if ((await app.Api().GetJsonAsync("/api/v1/webhooks")).AsArray().All(w => w!["endpoint"]!.GetValue<string>() != endpoint))
            {
                await app.CreateWebhookAsync(Scenario.PointAddDefinition(endpoint).Replace("point_add", action));
            }
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ThreeEventsForAnUnknownCustomerWaitAndAreRegisteredInTheirOrderWhenTheCustomerOptsIn()
    {
        var requests = new List<string>();
        foreach (var (endpoint, points) in new[] { ("park-add", 100), ("park-sub", 30), ("park-add", 5) })
        {
            var answer = await app.SendAsync(endpoint, $$"""{"clientID":"park-1","points":{{points}}}""");
            await answer.ShouldBeAsync(202);
            Assert.Equal("parked", (await answer.ReadJsonAsync())["status"]!.GetValue<string>());
            requests.Add(answer.Headers.GetValues("Inlet-Request-Id").Single());
        }
        await (await app.Api().GetAsync("/api/v1/customers/park-1", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
        Assert.Equal(["point_add", "point_sub", "point_add"],
            (await app.Api().GetJsonAsync("/api/v1/parked?customer=park-1")).AsArray().Select(p => p!["action"]!.GetValue<string>()));

        await app.OptInAsync("park-1");

        // 100 - 30 + 5: the subtraction came second, so it found the 100 points (first, it would have been refused).
        Assert.Equal(75, await app.ScoreAsync("park-1"));
        var history = (await app.Api().GetJsonAsync("/api/v1/customers/park-1/events"))["items"]!.AsArray();
        Assert.Equal(4, history.Count);
        Assert.Empty((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-1")).AsArray());
        foreach (var request in requests)
        {
            var log = await app.Api().GetJsonAsync($"/api/v1/logs/{request}");
            Assert.Equal("processed", log["outcome"]!.GetValue<string>());
            Assert.Equal(202, log["statusCode"]!.GetValue<int>());
            Assert.NotNull(log["eventId"]);
        }
    }

    [Fact]
    public async Task AProfileEventEnrollsTheCustomerAndReleasesTheirParkedEvents()
    {
        await (await app.SendAsync("park-add", """{"clientID":"park-2","points":40}""")).ShouldBeAsync(202);

        await (await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"park-2","action":"profile","data":{"first_name":"Ana"}}""")).ShouldBeAsync(201);

        Assert.Equal(40, await app.ScoreAsync("park-2"));
    }

    [Fact]
    public async Task ARetryOfAParkedRequestWithItsIdempotencyKeyIsAnsweredTheSameAndParksNothingMore()
    {
        var first = await app.SendAsync("park-add", """{"clientID":"park-3","points":10}""", headers: ("Idempotency-Key", "park-3-key"));
        var retry = await app.SendAsync("park-add", """{"clientID":"park-3","points":10}""", headers: ("Idempotency-Key", "park-3-key"));

        await first.ShouldBeAsync(202);
        await retry.ShouldBeAsync(202);
        Assert.Single((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-3")).AsArray());
        await app.OptInAsync("park-3");
        Assert.Equal(10, await app.ScoreAsync("park-3"));
    }

    [Fact]
    public async Task AParkedRequestIsNotReplayedSinceItsEventIsStillWaiting()
    {
        var parked = await app.SendAsync("park-add", """{"clientID":"park-4","points":10}""");
        var logId = parked.Headers.GetValues("Inlet-Request-Id").Single();

        var replay = await app.Api().PostAsync($"/api/v1/logs/{logId}/replay", null, TestContext.Current.CancellationToken);

        await replay.ShouldBeAsync(409);
        Assert.Equal("parked", (await replay.ReadJsonAsync())["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task AParkedEventPastItsDaysExpiresAndItsRequestIsLoggedParkExpired()
    {
        var parked = await app.SendAsync("park-add", """{"clientID":"park-5","points":10}""");
        var logId = parked.Headers.GetValues("Inlet-Request-Id").Single();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Inlet.Data.InletDb>();
            var longAgo = DateTimeOffset.UtcNow.AddDays(-31);
            await db.ParkedEvents.Where(p => p.CustomerId == "park-5").ExecuteUpdateAsync(p => p.SetProperty(r => r.ParkedAt, longAgo), TestContext.Current.CancellationToken);
            await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(TestContext.Current.CancellationToken);
        }

        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{logId}");
        Assert.Equal("park_expired", log["outcome"]!.GetValue<string>());
        Assert.Empty((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-5")).AsArray());
        await app.OptInAsync("park-5");
        Assert.Equal(0, await app.ScoreAsync("park-5"));
    }

    [Fact]
    public async Task AnEventOfTheEventsApiForAnUnknownCustomerIsParkedToo()
    {
        var answer = await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"park-6","action":"point_add","data":{"points":7}}""");

        await answer.ShouldBeAsync(202);
        Assert.Equal("park-6", (await answer.ReadJsonAsync())["customer"]!.GetValue<string>());
        await app.OptInAsync("park-6");
        Assert.Equal(7, await app.ScoreAsync("park-6"));
    }

    [Fact]
    public async Task ARefusedRequestReplayedOnceTheAccountParksIsParkedOnceAndRegisteredOnce()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"reject"}""")).ShouldBeAsync(200);
        var refused = await app.SendAsync("park-add", """{"clientID":"park-7","points":9}""");
        await refused.ShouldBeAsync(422);
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"park"}""")).ShouldBeAsync(200);
        var logId = refused.Headers.GetValues("Inlet-Request-Id").Single();

        await (await app.Api().PostAsync($"/api/v1/logs/{logId}/replay", null, TestContext.Current.CancellationToken)).ShouldBeAsync(201);
        var again = await app.Api().PostAsync($"/api/v1/logs/{logId}/replay", null, TestContext.Current.CancellationToken);

        await again.ShouldBeAsync(409);
        Assert.Single((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-7")).AsArray());
        await app.OptInAsync("park-7");
        Assert.Equal(9, await app.ScoreAsync("park-7"));
    }

    [Fact]
    public async Task ADryRunForAnUnknownCustomerSaysTheEventWouldBeParked()
    {
        var id = (await app.Api().GetJsonAsync("/api/v1/webhooks")).AsArray().Single(w => w!["endpoint"]!.GetValue<string>() == "park-add")!["id"]!.GetValue<string>();

        var dryRun = await app.Api().PostJsonAsync($"/api/v1/webhooks/{id}/dry-run", """{"body":{"clientID":"park-8","points":3}}""");

        await dryRun.ShouldBeAsync(200);
        var result = await dryRun.ReadJsonAsync();
        Assert.Equal(202, result["status"]!.GetValue<int>());
        Assert.Equal("parked", result["outcome"]!.GetValue<string>());
        Assert.Empty((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-8")).AsArray());
    }

    [Fact]
    public async Task OfARequestsSeveralEventsOneForAnUnknownCustomerIsParkedAndReleasedByTheOptInAfterIt()
    {
        await app.CreateWebhookAsync(Scenario.WithTransform("""
            { "name": "Park steps", "method": "POST", "endpoint": "park-steps", "action": "from_transform" }
            """, "function transform(request) { return request.body.steps.map(step => ({ customer: request.body.user, action: step.action, data: step.data })); }"));

        var sent = await app.SendAsync("park-steps", """{"user":"park-many","steps":[{"action":"point_add","data":{"points":8}},{"action":"opt_in","data":{}}]}""");

        await sent.ShouldBeAsync(200);
        Assert.Equal(1, (await sent.ReadJsonAsync())["eventCount"]!.GetValue<int>());
        Assert.Equal(8, await app.ScoreAsync("park-many"));
        Assert.Empty((await app.Api().GetJsonAsync("/api/v1/parked?customer=park-many")).AsArray());
        var log = await app.Api().GetJsonAsync($"/api/v1/logs/{sent.Headers.GetValues("Inlet-Request-Id").Single()}");
        Assert.Equal("processed", log["outcome"]!.GetValue<string>());
    }
}
