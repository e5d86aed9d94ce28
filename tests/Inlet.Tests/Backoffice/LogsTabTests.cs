using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>The manual's story, part 2: what a webhook received, in its Logs tab, and what it did to the member, under Customers.</summary>
[Collection(BrowserTests.Collection)]
public sealed class LogsTabTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheLogsTabShowsTheManualsPointAddRequestAndTheCustomerPageShowsItsPoints()
    {
        var webhook = await app.CreateWebhookAsync("""{"blueprint":"point-add","endpoint":"bo-story"}""");
        await app.OptInAsync("bo-story-1");
        var sent = await app.SendAsync("bo-story", """{"clientID":"bo-story-1","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}""");
        await sent.ShouldBeAsync(200);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync($"/backoffice/webhooks/{webhook}/logs");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Point add" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logs", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "POST /webhooks/custom/demo/bo-story" });
        await Expect(row).ToContainTextAsync("200");
        await Expect(row).ToContainTextAsync("processed");
        await BackofficeApp.ScreenshotAsync(page, "logs-tab");

        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Detailed request" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Request body")).ToContainTextAsync("\"pointstobeadded\": \"100\"");
        await Expect(page.GetByLabel("Response body")).ToHaveTextAsync("""{"ok":true}""");
        var condition = page.GetByRole(AriaRole.Table, new() { Name = "Filter trace" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "body.pointadd" });
        await Expect(condition).ToContainTextAsync("exists");
        await Expect(condition).ToContainTextAsync("✓ passed");
        await BackofficeApp.ScreenshotAsync(page, "log-detail");

        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await page.GetByLabel("Customer ID").FillAsync("bo-story-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer bo-story-1" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Balances" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"Score\s*100"));
        var latest = page.GetByRole(AriaRole.Table, new() { Name = "Event history" }).GetByRole(AriaRole.Row).Nth(1);
        await Expect(latest).ToContainTextAsync("point_add");
        await Expect(latest).ToContainTextAsync("+100");
        await Expect(latest.GetByRole(AriaRole.Link, new() { Name = "Point add" })).ToHaveAttributeAsync("href", $"/backoffice/webhooks/{webhook}");
        await BackofficeApp.ScreenshotAsync(page, "customer");
    }

    [Fact]
    public async Task ARejectedRequestShowsItsErrorCodeAndMessageInTheDetail()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-rejected"));
        var sent = await app.SendAsync("bo-rejected", """{"clientID":"bo-nobody","points":5}""");
        await sent.ShouldBeAsync(422);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync($"/backoffice/logs/{sent.Headers.GetValues("Inlet-Request-Id").Single()}");

        var summary = page.GetByRole(AriaRole.Region, new() { Name = "Summary" });
        await Expect(summary).ToContainTextAsync("422");
        await Expect(summary).ToContainTextAsync("customer_not_found");
        await Expect(summary).ToContainTextAsync("Customer 'bo-nobody' is not a member.");
        await Expect(summary).ToContainTextAsync("No event was registered.");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Mapping trace" })).ToContainTextAsync("data.points");
    }

    [Fact]
    public async Task FilteringTheLogsTabByStatusCodeOrOutcomeNarrowsTheTable()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-filters"));
        await app.OptInAsync("bo-filters-1");
        await (await app.SendAsync("bo-filters", """{"clientID":"bo-filters-1","points":5}""")).ShouldBeAsync(200);
        await (await app.SendAsync("bo-filters", """{"clientID":"bo-filters-nobody","points":5}""")).ShouldBeAsync(422);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{webhook}/logs");
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3);

        await page.GetByLabel("Status code").FillAsync("422");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("bo-filters-nobody");
        Assert.Contains("status=422", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Status code").FillAsync("");
        await page.GetByLabel("Outcome").SelectOptionAsync("processed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("bo-filters-1");
    }

    [Fact]
    public async Task OlderShowsTheNextPageOfTheLogsTabNewestFirst()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-paging"));
        foreach (var n in new[] { 1, 2, 3 })
        {
            await (await app.SendAsync("bo-paging", $$"""{"clientID":"bo-paging-{{n}}","points":1}""")).ShouldBeAsync(422);
        }
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{webhook}/logs?limit=2");
        var rows = page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToContainTextAsync("bo-paging-3");
        await Expect(rows.Nth(2)).ToContainTextAsync("bo-paging-2");

        await page.GetByRole(AriaRole.Link, new() { Name = "Older" }).ClickAsync();

        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(1)).ToContainTextAsync("bo-paging-1");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Older" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AFilterThatIsNotValidSaysHowToFixIt()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-bad-filter"));
        var page = await app.SignedInPageAsync();

        var response = await page.GotoAsync($"/backoffice/webhooks/{webhook}/logs?status=abc");

        Assert.Equal(400, response!.Status);
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("use a number from 100 to 599");
    }

    [Fact]
    public async Task ARejectedRequestIsReplayedFromItsDetailAfterTheMemberEnrolls()
    {
        await app.CreateWebhookAsync("""{"blueprint":"point-add","endpoint":"bo-replay"}""");
        var rejected = await app.SendAsync("bo-replay", """{"clientID":"bo-replay-1","pointstobeadded":"30","pointadd":true}""");
        await rejected.ShouldBeAsync(422);
        await app.OptInAsync("bo-replay-1");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/logs/{rejected.Headers.GetValues("Inlet-Request-Id").Single()}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Replayed: processed.");
        await Expect(page.GetByText("A replay of")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Replay", Exact = true })).ToHaveCountAsync(0);
        Assert.Equal(30, await app.ScoreAsync("bo-replay-1"));
    }

    [Fact]
    public async Task TheWebhookListCountsTheLastDaysRequestsAndFailures()
    {
        await app.CreateWebhookAsync("""{"blueprint":"point-add","endpoint":"bo-counts","name":"Counted points"}""");
        await app.OptInAsync("bo-counts-1");
        await (await app.SendAsync("bo-counts", """{"clientID":"bo-counts-1","pointstobeadded":"1","pointadd":true}""")).ShouldBeAsync(200);
        await (await app.SendAsync("bo-counts", """{"clientID":"bo-counts-1","pointstobeadded":"x","pointadd":true}""")).ShouldBeAsync(422);
        var page = await app.SignedInPageAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Counted points" });

        var cells = row.GetByRole(AriaRole.Cell);
        await Expect(cells.Nth(5)).ToHaveTextAsync("2");
        await Expect(cells.Nth(6)).ToHaveTextAsync("1");
        await Expect(cells.Nth(7)).Not.ToHaveTextAsync("never");
    }
}
