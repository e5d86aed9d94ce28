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

    [Fact]
    public async Task TheTestPanelListsEveryEventOfATransformThatReturnsSeveral()
    {
        await app.OptInAsync("bo-tf-many");
        var id = await app.CreateWebhookAsync(Scenario.WithTransform("""
            { "name": "Steps", "method": "POST", "endpoint": "bo-tf-steps", "action": "from_transform" }
            """, "function transform(request) {\n  return request.body.steps.map(step => ({ customer: request.body.user, action: step.action, data: step.data }));\n}"));
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await Expect(page.GetByLabel("Event to register")).ToHaveValueAsync("from_transform");
        await page.GetByLabel("Payload (JSON)").FillAsync("""
            {"user":"bo-tf-many","steps":[{"action":"point_add","data":{"points":30}},{"action":"point_sub","data":{"points":12}}]}
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();

        var result = page.Locator("#test-result");
        await Expect(result).ToContainTextAsync("200 processed");
        var rows = result.GetByRole(AriaRole.Table, new() { Name = "The request's events, one per body the transform returned" }).Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("point_add");
        await Expect(rows.Nth(1)).ToContainTextAsync("-12");
        await Expect(rows.Nth(1)).ToContainTextAsync("18");
        Assert.Equal(0, await app.ScoreAsync("bo-tf-many"));

        // Saved from the form, with no mapping rows, it stays a webhook of whole events.
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Member steps");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).Last.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");
        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(("Member steps", "from_transform"), (saved["name"]!.GetValue<string>(), saved["action"]!.GetValue<string>()));
    }
}
