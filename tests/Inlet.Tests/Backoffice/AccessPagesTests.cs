using System.Net;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>A manager hands out API keys and Backoffice logins, and takes them back, without the API or the command line.</summary>
[Collection(BrowserTests.Collection)]
public sealed class AccessPagesTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task AnApiKeyCreatedInTheBackofficeWorksWithTheSecretShownOnceAndStopsWhenRevoked()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "API keys" }).ClickAsync();

        await page.GetByLabel("Key name").FillAsync("shop integration");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(page.GetByTestId("new-secret")).ToBeVisibleAsync();
        var secret = (await page.GetByTestId("new-secret").TextContentAsync())!;
        await BackofficeApp.ScreenshotAsync(page, "api-keys");

        await (await app.Api(secret).GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await page.GotoAsync("/backoffice/api-keys");
        await Expect(page.GetByTestId("new-secret")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke shop integration" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke shop integration" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The key shop integration is revoked: it stops working at once.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(secret).GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task AUserAddedInTheBackofficeSignsInWithTheShownPasswordUntilRemoved()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Users" }).ClickAsync();
        // Nobody removes themselves: the signed-in administrator's row has no Remove button.
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove admin" })).ToHaveCountAsync(0);

        await page.GetByLabel("User name").FillAsync("bo-manager");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();
        await Expect(page.GetByTestId("new-secret")).ToBeVisibleAsync();
        var password = (await page.GetByTestId("new-secret").TextContentAsync())!;

        var theirs = await app.SignedInPageAsync("bo-manager", password);
        await Expect(theirs.GetByRole(AriaRole.Heading, new() { Name = "Incoming webhooks" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Reset password of bo-manager" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Reset password of bo-manager" }).ClickAsync();
        await Expect(page.GetByTestId("new-secret")).Not.ToHaveTextAsync(password);
        var newPassword = (await page.GetByTestId("new-secret").TextContentAsync())!;
        Assert.False(await SignsInAsync("bo-manager", password));
        Assert.True(await SignsInAsync("bo-manager", newPassword));
        // The session opened with the old password ends with it.
        await theirs.GotoAsync("/backoffice/webhooks");
        Assert.Contains("/backoffice/login", theirs.Url, StringComparison.Ordinal);
        var again = await app.SignedInPageAsync("bo-manager", newPassword);

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove bo-manager" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Remove bo-manager" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("bo-manager is removed: they can no longer sign in.");
        Assert.False(await SignsInAsync("bo-manager", newPassword));
        await again.GotoAsync("/backoffice/webhooks");
        Assert.Contains("/backoffice/login", again.Url, StringComparison.Ordinal);
    }

    /// <summary>Whether the login form accepts the user name and password (it redirects), in a browser session of its own.</summary>
    private async Task<bool> SignsInAsync(string userName, string password)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.BaseUrl) };
        return (await browser.LogInAsync(userName, password)).StatusCode == HttpStatusCode.Redirect;
    }
}
