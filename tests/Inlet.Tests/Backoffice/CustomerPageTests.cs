using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

[Collection(BrowserTests.Collection)]
public sealed class CustomerPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task AnUnknownCustomerIsAClearNotFound()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/customers");

        await page.GetByLabel("Customer ID").FillAsync("bo-never-enrolled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No customer with this ID");
        var response = await page.GotoAsync("/backoffice/customers/bo-never-enrolled");
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task AnEventSentThroughTheApiShowsApiAsItsSource()
    {
        await app.OptInAsync("bo-api-1");
        await (await app.Api().PostJsonAsync("/api/v1/events", """{"customer":"bo-api-1","action":"point_add","data":{"points":7}}""")).ShouldBeAsync(201);
        var page = await app.SignedInPageAsync();

        await page.GotoAsync("/backoffice/customers/bo-api-1");

        var rows = page.GetByRole(AriaRole.Table, new() { Name = "Event history" }).GetByRole(AriaRole.Row);
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(1)).ToContainTextAsync("point_add");
        await Expect(rows.Nth(1)).ToContainTextAsync("+7");
        await Expect(rows.Nth(1).GetByRole(AriaRole.Cell).Last).ToHaveTextAsync("API");
        await Expect(rows.Nth(2)).ToContainTextAsync("opt_in");
    }
}
