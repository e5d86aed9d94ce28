using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A webhook's Activity tab and the list's sparklines, for a known sequence of requests.</summary>
[Collection(BrowserTests.Collection)]
public sealed class ActivityChartsTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheActivityTabChartsAKnownSequenceOfRequestsByOutcomeAndThePointsTheyMoved()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-activity"));
        await app.OptInAsync("bo-activity-1");
        foreach (var points in new[] { 5, 7, 10 })
        {
            await (await app.SendAsync("bo-activity", $$"""{"clientID":"bo-activity-1","points":{{points}}}""")).ShouldBeAsync(200);
        }
        await (await app.SendAsync("bo-activity", """{"clientID":"bo-activity-nobody","points":5}""")).ShouldBeAsync(422);
        await (await app.SendAsync("bo-activity", """{"clientID":""")).ShouldBeAsync(400);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync($"/backoffice/webhooks/{webhook}/activity");

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Activity", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var hourly = page.GetByRole(AriaRole.Img, new() { Name = "Requests per hour, last 24 hours" });
        await Expect(hourly).ToHaveAccessibleNameAsync(new Regex(
            "^Requests per hour, last 24 hours\\W+5 in all — 3 processed, 0 filtered out, 0 invalid event, 1 rejected, 0 verification failed, 1 other$"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Requests per day, last 30 days" })).ToHaveAccessibleNameAsync(
            new Regex("5 in all — 3 processed, .* 1 rejected, .* 1 other$"));
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "Points moved per day" })).ToHaveAccessibleNameAsync(
            new Regex("22 in all — 22 points added, 0 points subtracted$"));
        // Every bar is drawn, one segment per outcome of the hour still running; the table carries the same numbers.
        await Expect(page.Locator("svg[data-chart=hourly] rect")).ToHaveCountAsync(3);
        await BackofficeApp.ScreenshotAsync(page, "activity");
        await page.GetByText("The numbers").First.ClickAsync();
        var busy = page.Locator("table[data-chart-table=hourly] tbody tr").Filter(new() { Has = page.Locator("td:last-child", new() { HasTextRegex = new Regex(@"^\s*[1-9]") }) });
        await Expect(busy).ToHaveCountAsync(1);
        await Expect(busy.Locator("td")).ToHaveTextAsync([new Regex(@"^\d\d:00$"), .. new[] { "3", "0", "0", "1", "0", "1", "5" }.Select(n => new Regex($"^{n}$"))]);

        await page.GotoAsync("/backoffice/webhooks");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Points bo-activity" });
        await Expect(row.GetByRole(AriaRole.Img)).ToHaveAccessibleNameAsync(new Regex(
            "^Last 24 hours: 5 requests, 2 not 2xx; busiest hour \\d\\d:00 UTC with 5$"));
        await Expect(row.Locator("td.num").First).ToHaveTextAsync("5");
        await BackofficeApp.ScreenshotAsync(page, "webhooks-sparklines");
    }
}
