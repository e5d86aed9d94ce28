using Inlet.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>The Alerts page: a rule made in the form, refused with the API's message first, then firing under a banner on every page.</summary>
[Collection(BrowserTests.Collection)]
public sealed class AlertsPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ARuleCreatedOnTheAlertsPageIsListedAndWhileItFiresEveryPageShowsABanner()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-alerts"));
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Alerts" }).ClickAsync();
        await Expect(page.GetByText("No alert rule yet.")).ToBeVisibleAsync();

        await page.GetByLabel("Name").FillAsync("Shop failures");
        await page.GetByLabel("Webhook").SelectOptionAsync(new SelectOptionValue { Label = "Points bo-alerts" });
        await page.GetByLabel("Threshold (share not 2xx)").FillAsync("1.5");
        await page.GetByLabel("Window (minutes)").FillAsync("5");
        await page.GetByLabel("At least (requests)").FillAsync("2");
        await page.GetByLabel("Notify URL").FillAsync("https://alerts.example.com/notify");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.GetByLabel("Threshold (share not 2xx)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#Threshold-error")).ToHaveTextAsync(
            "Give the share of answers not 2xx that fires the rule, more than 0 and at most 1 (0.2 is 20 %).");
        await Expect(page.GetByLabel("Name")).ToHaveValueAsync("Shop failures");

        await page.GetByLabel("Threshold (share not 2xx)").FillAsync("0.5");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create rule" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The rule Shop failures is saved: it is evaluated from now on.");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Shop failures" });
        await Expect(row).ToContainTextAsync("Points bo-alerts");
        await Expect(row).ToContainTextAsync("50 % or more not 2xx over 5 min (at least 2 requests)");
        await Expect(row).ToContainTextAsync("OK");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        await (await app.SendAsync("bo-alerts", """{"clientID":""")).ShouldBeAsync(400);
        await (await app.SendAsync("bo-alerts", """{"clientID":"bo-alerts-nobody","points":1}""")).ShouldBeAsync(422);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(TestContext.Current.CancellationToken);
        }

        await page.GotoAsync("/backoffice/customers");
        var banner = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "firing" });
        await Expect(banner).ToHaveTextAsync("1 alert firing: Shop failures on Points bo-alerts");
        await banner.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/backoffice/alerts");
        await Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Shop failures" })).ToContainTextAsync("Firing on Points bo-alerts");
        await BackofficeApp.ScreenshotAsync(page, "alerts");

        await page.GetByRole(AriaRole.Link, new() { Name = "Shop failures", Exact = true }).ClickAsync();
        var incident = page.GetByRole(AriaRole.Table, new() { Name = "Incidents" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(incident).ToContainTextAsync("Points bo-alerts");
        await Expect(incident).ToContainTextAsync("firing");
        await Expect(page.GetByLabel("Webhook")).ToHaveValueAsync(webhook);
        await BackofficeApp.ScreenshotAsync(page, "alert-rule");
    }
}
