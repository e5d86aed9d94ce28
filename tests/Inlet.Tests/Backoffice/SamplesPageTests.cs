using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager keeps a request that worked as a sample, and is told before saving a change that breaks it.</summary>
[Collection(BrowserTests.Collection)]
public sealed class SamplesPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ALoggedRequestSavedAsASampleStopsASaveThatWouldBreakItUntilTheManagerSavesAnyway()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-samples"));
        await app.OptInAsync("bo-s-1");
        var sent = await app.SendAsync("bo-samples", """{"clientID":"bo-s-1","points":12}""");
        await sent.ShouldBeAsync(200);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/logs/{sent.Headers.GetValues("Inlet-Request-Id").Single()}");

        await page.GetByLabel("Sample name").FillAsync("twelve points");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as sample" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Saved as the sample 'twelve points' of its webhook: it expects processed.");

        await page.GotoAsync($"/backoffice/webhooks/{id}");
        await page.GetByLabel("From", new() { Exact = true }).Nth(1).FillAsync("amount");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).Last.ClickAsync();

        var changes = page.GetByRole(AriaRole.Table, new() { Name = "Samples that would change" });
        await Expect(changes.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).First).ToHaveTextAsync("twelve points");
        await Expect(changes.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).Last).ToContainTextAsync("invalid_event");
        Assert.Equal(1, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["version"]!.GetValue<int>());
        await BackofficeApp.ScreenshotAsync(page, "samples-changed");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Save anyway" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your changes are saved.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Samples" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "Samples" }).GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).Nth(1))
            .ToHaveTextAsync("invalid_event");
    }

    [Fact]
    public async Task TheTestPanelSavesItsPayloadAsASample()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("bo-sample-test"), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await page.GetByLabel("Payload (JSON)").FillAsync("""{"clientID":"bo-t-1","points":3}""");
        await page.GetByLabel("Sample name").FillAsync("three points");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as sample" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Sample 'three points' is saved: with the saved settings it gives processed.");
        var sample = Assert.Single((await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}/samples")).AsArray())!;
        Assert.Equal("bo-t-1", sample["expected"]!["event"]!["customer"]!.GetValue<string>());
    }
}
