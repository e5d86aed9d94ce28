using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager sees what a save changed and goes back to the version that worked.</summary>
[Collection(BrowserTests.Collection)]
public sealed class VersionsPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheVersionsTabShowsWhatASaveChangedAndRestoresTheVersionBefore()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-versions"));
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}",
            Scenario.PointAddDefinition("bo-versions").Replace("\"from\": \"points\"", "\"from\": \"amount\""))).ShouldBeAsync(200);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Versions" }).ClickAsync();

        var changes = page.GetByRole(AriaRole.Table, new() { Name = "Changes in version 2" });
        await Expect(changes.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(changes.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell)).ToHaveTextAsync(["mappings[1].from", "\"points\"", "\"amount\""]);
        await BackofficeApp.ScreenshotAsync(page, "versions-tab");

        await page.GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Restore version 1" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Version 1 is restored as version 3.");
        Assert.Equal(3, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());
        await app.OptInAsync("bo-v-1");
        await (await app.SendAsync("bo-versions", """{"clientID":"bo-v-1","points":7}""")).ShouldBeAsync(200);
        Assert.Equal(7, await app.ScoreAsync("bo-v-1"));
    }
}
