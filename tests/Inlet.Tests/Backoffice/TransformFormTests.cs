using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>The webhook form's Transform field: an error beside it with line and column, its output in the Test panel.</summary>
[Collection(BrowserTests.Collection)]
public sealed class TransformFormTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ASyntaxErrorIsShownBesideTheCodeAndTheTestPanelShowsWhatTheTransformReturned()
    {
        await app.OptInAsync("bo-tf-1");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/webhooks/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use Point add" }).ClickAsync();
        await page.GetByLabel("Endpoint").FillAsync("bo-transform");
        var code = page.GetByLabel("JavaScript");
        await code.FillAsync("function transform(request) {\n  return { clientID: request.body.id,, };\n}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(code).ToHaveAccessibleDescriptionAsync(new Regex("line 2, column \\d+"));

        await code.FillAsync("function transform(request) {\n  return { clientID: request.body.id, pointstobeadded: String(request.body.n * 2), pointadd: true };\n}");
        await page.GetByLabel("Payload (JSON)").FillAsync("""{"id":"bo-tf-1","n":21}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();
        var result = page.Locator("#test-result");
        await Expect(result).ToContainTextAsync("200 processed");
        await Expect(result.GetByLabel("Transform output")).ToContainTextAsync("\"pointstobeadded\": \"42\"");
        await Expect(result).ToContainTextAsync("0 → 42");
        await BackofficeApp.ScreenshotAsync(page, "webhook-transform");

        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        var saved = await app.Api().GetJsonAsync("/api/v1/webhooks?status=all");
        Assert.Contains("pointstobeadded: String(request.body.n * 2)", saved.ToJsonString(), StringComparison.Ordinal);
    }
}
