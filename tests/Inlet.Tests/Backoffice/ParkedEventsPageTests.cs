using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager looks up a customer who is not a member yet and sees the events waiting for them.</summary>
[Collection(BrowserTests.Collection)]
public sealed class ParkedEventsPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheCustomerSearchShowsTheEventsParkedForAnIdThatIsNotAMemberYet()
    {
        await (await app.Api().PutJsonAsync("/api/v1/settings", """{"unknownCustomer":"park"}""")).ShouldBeAsync(200);
        await (await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"bo-park-1","action":"point_add","data":{"points":40}}""")).ShouldBeAsync(202);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/backoffice/customers");
        await page.GetByLabel("Customer ID").FillAsync("bo-park-1");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customer not found" })).ToBeVisibleAsync();
        var parked = page.GetByRole(AriaRole.Table, new() { Name = "Parked events" });
        await Expect(parked.GetByRole(AriaRole.Row)).ToHaveCountAsync(2);
        await Expect(parked.GetByRole(AriaRole.Row).Nth(1).GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("point_add");
        await BackofficeApp.ScreenshotAsync(page, "parked-events");

        await app.OptInAsync("bo-park-1");
        Assert.Equal(40, await app.ScoreAsync("bo-park-1"));
    }
}
