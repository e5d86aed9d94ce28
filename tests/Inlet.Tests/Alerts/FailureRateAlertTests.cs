namespace Inlet.Tests.Alerts;

/// <summary>A failure-rate rule over real webhook requests, on a clock the test moves, notifying a real local receiver.</summary>
public sealed class FailureRateAlertTests(FakeClockAlertsApp app) : IClassFixture<FakeClockAlertsApp>
{
    [Fact]
    public async Task AFailureRateRuleNotifiesOnceWhenItFiresAndOnceWhenItResolves()
    {
        await using var receiver = await Receiver.StartAsync();
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("al-shop"));
        await app.OptInAsync("al-member");
        var rule = await app.CreateRuleAsync($$"""
            { "name": "Shop failures", "webhookId": "{{webhook}}",
              "condition": { "kind": "failure_rate", "threshold": 0.5, "windowMinutes": 5, "minRequests": 4 }, "notify": { "url": "{{receiver.Url}}" } }
            """);

        // Three bad requests are too few to judge; the fourth makes the rule fire.
        await SendAsync(failing: 3, succeeding: 0);
        await app.EvaluateAsync();
        Assert.Empty(receiver.Accepted);
        await SendAsync(failing: 1, succeeding: 0);
        await app.EvaluateAsync();
        var firing = Assert.Single(receiver.Accepted);
        Assert.Equal("firing", firing["status"]!.GetValue<string>());
        Assert.Equal(rule, firing["rule"]!["id"]!.GetValue<string>());
        Assert.Equal("Shop failures", firing["rule"]!["name"]!.GetValue<string>());
        Assert.Equal(webhook, firing["webhook"]!["id"]!.GetValue<string>());
        Assert.Equal("Points al-shop", firing["webhook"]!["name"]!.GetValue<string>());
        Assert.Equal(4, firing["counts"]!["requests"]!.GetValue<long>());
        Assert.Equal(4, firing["counts"]!["failures"]!.GetValue<long>());
        Assert.StartsWith($"/backoffice/webhooks/{webhook}/logs?from=", firing["logsUrl"]!.GetValue<string>());
        Assert.StartsWith("Firing: Shop failures on Points al-shop: 4 of 4 requests not 2xx (100 %) in the last 5 minutes", firing["text"]!.GetValue<string>());
        var listed = await app.Api().GetJsonAsync($"/api/v1/alerts/{rule}");
        Assert.Equal(webhook, listed["firing"]![0]!["webhookId"]!.GetValue<string>());

        // The failures go on for several rounds: still that one notification.
        for (var round = 0; round < 4; round++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(15));
            await SendAsync(failing: 2, succeeding: 1);
            await app.EvaluateAsync();
        }
        Assert.Single(receiver.Accepted);

        // Once the window holds mostly answers that worked, it resolves: one more notification, then quiet.
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await SendAsync(failing: 0, succeeding: 4);
        await app.EvaluateAsync();
        await app.EvaluateAsync();
        Assert.Equal(["firing", "resolved"], receiver.Accepted.Select(n => n["status"]!.GetValue<string>()));
        var resolved = receiver.Accepted.Last();
        Assert.Equal(firing["incident"]!.GetValue<string>(), resolved["incident"]!.GetValue<string>());
        Assert.Equal(4, resolved["counts"]!["requests"]!.GetValue<long>());
        Assert.Equal(0, resolved["counts"]!["failures"]!.GetValue<long>());
        Assert.StartsWith("Resolved: Shop failures on Points al-shop", resolved["text"]!.GetValue<string>());
        Assert.Empty((await app.Api().GetJsonAsync($"/api/v1/alerts/{rule}"))["firing"]!.AsArray());
        Assert.Equal(2, receiver.Requests);
    }

    private async Task SendAsync(int failing, int succeeding)
    {
        for (var i = 0; i < failing; i++)
        {
            await (await app.SendAsync("al-shop", """{"clientID":""")).ShouldBeAsync(400);
        }
        for (var i = 0; i < succeeding; i++)
        {
            await (await app.SendAsync("al-shop", """{"clientID":"al-member","points":1}""")).ShouldBeAsync(200);
        }
    }
}
