using Microsoft.Playwright;

namespace Inlet.Tests.Backoffice;

[Collection(BrowserTests.Collection)]
public sealed class LoginTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheAdministratorLogsInAndSeesTheIncomingWebhooks()
    {
        var page = await app.SignedInPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Incoming webhooks" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Create new webhook" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedWithAMessage()
    {
        var context = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/webhooks");
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The user name or the password is not right.");
        Assert.Contains("/backoffice/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoggingOutEndsTheSession()
    {
        var page = await app.SignedInPageAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
        await page.WaitForURLAsync("**/backoffice/login");
        await page.GotoAsync("/backoffice/webhooks");

        Assert.Contains("/backoffice/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSessionCookieIsHttpOnlyAndSameSite()
    {
        var page = await app.SignedInPageAsync();

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "inlet.backoffice");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }
}
