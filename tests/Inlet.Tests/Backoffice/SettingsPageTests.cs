using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager changes the account's rules in the Backoffice, without the API.</summary>
[Collection(BrowserTests.Collection)]
public sealed class SettingsPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheSettingsPageSavesTheAccountSettingsAndTheNextEventFollowsThem()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Account settings" }).ClickAsync();

        await page.GetByLabel("Earn rate").FillAsync("2.5");
        await page.GetByLabel("Checkout points wait for acceptance").UncheckAsync();
        await page.GetByLabel("Events for a customer who is not a member").SelectOptionAsync("create");
        await page.GetByLabel("Allow a negative balance").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The settings are saved: the next event follows them.");
        await Expect(page.GetByLabel("Earn rate")).ToHaveValueAsync("2.5");
        await BackofficeApp.ScreenshotAsync(page, "settings");
        var settings = await app.Api().GetJsonAsync("/api/v1/settings");
        Assert.Equal(2.5m, settings["earnRate"]!.GetValue<decimal>());
        Assert.False(settings["checkoutPending"]!.GetValue<bool>());
        Assert.Equal("create", settings["unknownCustomer"]!.GetValue<string>());
        Assert.True(settings["allowNegativeBalance"]!.GetValue<bool>());
        // An unknown customer is enrolled, and a checkout of 10 earns 25 points straight to the score.
        await (await app.Api().PostJsonAsync("/api/v1/events",
            """{"customer":"bo-settings-1","action":"checkout","data":{"transaction_id":"BO-SET-1","total":"10"}}""")).ShouldBeAsync(201);
        Assert.Equal(25, await app.ScoreAsync("bo-settings-1"));
    }

    [Fact]
    public async Task AnEarnRateThatIsNotANumberIsRefusedBesideTheFieldAndNothingChanges()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/settings");
        var before = (await app.Api().GetJsonAsync("/api/v1/settings")).ToJsonString();

        await page.GetByLabel("Earn rate").FillAsync("two");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Earn rate must be a number of points per currency unit, 0 or more, e.g. 1 or 2.5.");
        Assert.Equal(before, (await app.Api().GetJsonAsync("/api/v1/settings")).ToJsonString());
    }
}
