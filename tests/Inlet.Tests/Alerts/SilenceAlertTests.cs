namespace Inlet.Tests.Alerts;

/// <summary>A silence rule on every webhook of the account, on a clock the test moves.</summary>
public sealed class SilenceAlertTests(FakeClockAlertsApp app) : IClassFixture<FakeClockAlertsApp>
{
    [Fact]
    public async Task ASilenceRuleOnEveryWebhookFiresForTheQuietOneAloneAndResolvesWhenItHearsAgain()
    {
        await using var receiver = await Receiver.StartAsync();
        await app.OptInAsync("si-member");
        var busy = await app.CreateWebhookAsync(Scenario.PointAddDefinition("si-busy"));
        var quiet = await app.CreateWebhookAsync(Scenario.PointAddDefinition("si-quiet"));
        await app.CreateRuleAsync($$"""
            { "name": "Nothing heard", "condition": { "kind": "silence", "windowMinutes": 10 }, "notify": { "url": "{{receiver.Url}}" } }
            """);

        // Webhooks younger than the window do not fire, however quiet.
        await app.EvaluateAsync();
        Assert.Empty(receiver.Accepted);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        await (await app.SendAsync("si-busy", """{"clientID":"si-member","points":1}""")).ShouldBeAsync(200);
        await app.EvaluateAsync();
        await app.EvaluateAsync();
        var firing = Assert.Single(receiver.Accepted);
        Assert.Equal("firing", firing["status"]!.GetValue<string>());
        Assert.Equal(quiet, firing["webhook"]!["id"]!.GetValue<string>());
        Assert.Equal(0, firing["counts"]!["requests"]!.GetValue<long>());
        Assert.Equal("silence", firing["rule"]!["condition"]!["kind"]!.GetValue<string>());

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        await (await app.SendAsync("si-quiet", """{"clientID":"si-member","points":1}""")).ShouldBeAsync(200);
        await app.EvaluateAsync();
        Assert.Equal(["firing", "resolved"], receiver.Accepted.Select(n => n["status"]!.GetValue<string>()));
        Assert.Equal(quiet, receiver.Accepted.Last()["webhook"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(receiver.Accepted, n => n["webhook"]!["id"]!.GetValue<string>() == busy);
    }
}
