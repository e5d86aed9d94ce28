using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager who reads nothing but the screen configures the manual's Checkout accept use case from its blueprint.</summary>
[Collection(BrowserTests.Collection)]
public sealed class NewUserTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ACheckoutAcceptWebhookIsConfiguredFromItsBlueprintAndAcceptsAPurchase()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create new webhook" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Use Checkout accept", Exact = true }).ClickAsync();

        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Checkout accept");
        await Expect(page.GetByLabel("Endpoint")).ToHaveValueAsync("endpoint3");
        await Expect(page.GetByLabel("Event to register")).ToHaveValueAsync("checkout_accept");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set active", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Set active", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("active");

        await app.OptInAsync("shopper-1");
        await (await app.Api().PostJsonAsync("/api/v1/events",
            """{"customer":"shopper-1","action":"checkout","data":{"transaction_id":"ORDER-77","total":"59.90"}}""")).ShouldBeAsync(201);
        var answer = await app.SendAsync("endpoint3", """{"clientID":"shopper-1","transaction_id":"ORDER-77","total":"59.90","checkoutaccept":true}""");
        await answer.ShouldBeAsync(200);

        await page.GetByRole(AriaRole.Link, new() { Name = "Customers" }).ClickAsync();
        await page.GetByLabel("Customer ID").FillAsync("shopper-1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("shopper-1");
        await Expect(page.GetByText("checkout_accept").First).ToBeVisibleAsync();
        Assert.Equal(59, await app.ScoreAsync("shopper-1"));
    }
}
