namespace Inlet.Tests.Alerts;

/// <summary>Notifications to a receiver that fails for a while, with every attempt logged.</summary>
public sealed class AlertDeliveryTests(AlertsApp app) : IClassFixture<AlertsApp>
{
    [Fact]
    public async Task AReceiverThatFailsTwiceGetsTheNotificationOnceOnTheThirdAttemptAndEachAttemptIsLogged()
    {
        await using var receiver = await Receiver.StartAsync(500, 503);
        var rule = await FailingRuleAsync("ad-retry", receiver);

        await app.EvaluateAsync();

        Assert.Equal(3, receiver.Requests);
        Assert.Equal("firing", Assert.Single(receiver.Accepted)["status"]!.GetValue<string>());
        var attempts = await app.SqlAsync("""
            SELECT d."Attempt", d."StatusCode", i."FiringNotice" FROM "AlertDeliveries" AS d JOIN "AlertIncidents" AS i ON i."Id" = d."IncidentId"
            WHERE i."RuleId" = @rule ORDER BY d."Attempt"
            """, ("rule", rule));
        Assert.Equal([(1L, 500L), (2L, 503L), (3L, 200L)], attempts.Select(a => (Convert.ToInt64(a[0]), Convert.ToInt64(a[1]))));
        Assert.All(attempts, a => Assert.Equal("delivered", a[2]));

        // Delivered is delivered: later rounds send nothing more while it fires.
        await app.EvaluateAsync();
        Assert.Equal(3, receiver.Requests);
    }

    [Fact]
    public async Task AReceiverThatNeverAnswersWellIsGivenUpAfterTheRetriesAndNotTriedAgain()
    {
        await using var receiver = await Receiver.StartAsync(500, 500, 500, 500, 500);
        var rule = await FailingRuleAsync("ad-down", receiver);

        await app.EvaluateAsync();
        await app.EvaluateAsync();

        Assert.Equal(4, receiver.Requests);
        Assert.Empty(receiver.Accepted);
        var notice = await app.SqlAsync("""SELECT "FiringNotice" FROM "AlertIncidents" WHERE "RuleId" = @rule""", ("rule", rule));
        Assert.Equal("failed", Assert.Single(notice)[0]);
    }

    /// <summary>A webhook at <paramref name="endpoint"/> with a rule that fires on its first failure, and that failure; returns the rule's id.</summary>
    private async Task<string> FailingRuleAsync(string endpoint, Receiver receiver)
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition(endpoint));
        var rule = await app.CreateRuleAsync($$"""
            { "name": "{{endpoint}}", "webhookId": "{{webhook}}", "condition": { "kind": "failure_rate", "threshold": 1, "windowMinutes": 5 },
              "notify": { "url": "{{receiver.Url}}" } }
            """);
        await (await app.SendAsync(endpoint, """{"clientID":""")).ShouldBeAsync(400);
        return rule;
    }
}
