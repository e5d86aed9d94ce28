using Inlet.Tests.Replays;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>Repairing a broken integration in the Backoffice: filter the failed requests, preview replaying them, apply.</summary>
[Collection(BrowserTests.Collection)]
public sealed class BulkReplayPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ReplayTheseOnTheFailedRequestsPreviewsThemAndApplyRegistersTheirPoints()
    {
        const string endpoint = "bo-bulk";
        var webhook = await app.CreateBrokenWebhookAsync(endpoint);
        await app.OptInAsync($"{endpoint}-m0");
        for (var n = 0; n < 3; n++)
        {
            await (await app.SendNumberedAsync(endpoint, n, 1)).ShouldBeAsync(422);
        }
        await app.FixAsync(webhook, endpoint);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{webhook}/logs");

        await page.GetByLabel("Outcome").SelectOptionAsync("invalid_event");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay these…" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Bulk replay" })).ToBeVisibleAsync();
        var totals = page.GetByRole(AriaRole.Region, new() { Name = "Totals" });
        await Expect(totals).ToContainTextAsync("3 newly processed");
        await Expect(totals).ToContainTextAsync("+6 points");
        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Requests to replay" }).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(rows.Nth(1)).ToContainTextAsync("invalid_event");
        await Expect(rows.Nth(1)).ToContainTextAsync("point_add for bo-bulk-m0");
        await BackofficeApp.ScreenshotAsync(page, "bulk-replay");

        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The replay is applied.");
        await Expect(totals).ToContainTextAsync("Applied 3 of 3: 3 registered");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Apply" })).ToHaveCountAsync(0);
        Assert.Equal(6, await app.ScoreAsync($"{endpoint}-m0"));
    }
}
