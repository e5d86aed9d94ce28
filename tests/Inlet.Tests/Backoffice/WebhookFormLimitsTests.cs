using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>The form's rate limit, redacted body paths and item fields: saved as the API would save them, refused with its messages.</summary>
[Collection(BrowserTests.Collection)]
public sealed class WebhookFormLimitsTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task ARateLimitAndRedactedPathsSetInTheFormAreSavedAndTheLimitHolds()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("limits-set"));
        await app.OptInAsync("limits-member");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await Expect(page.GetByLabel("Requests", new() { Exact = true })).ToHaveAccessibleDescriptionAsync(new Regex("per node"));
        await page.GetByLabel("Requests", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("Per seconds").FillAsync("3600");
        await page.GetByLabel("Redact body paths").FillAsync("email\nprofile.phone\n");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");

        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal("""{"requests":1,"perSeconds":3600}""", saved["rateLimit"]!.ToJsonString());
        Assert.Equal("""["email","profile.phone"]""", saved["redactBodyPaths"]!.ToJsonString());
        await Expect(page.GetByLabel("Per seconds")).ToHaveValueAsync("3600");
        await (await app.SendAsync("limits-set", """{"clientID":"limits-member","points":1}""")).ShouldBeAsync(200);
        await (await app.SendAsync("limits-set", """{"clientID":"limits-member","points":1}""")).ShouldBeAsync(429);
    }

    [Fact]
    public async Task AWrongLimitOrPathShowsTheValidatorsMessageBesideItAndSavesNothing()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("limits-wrong"), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");
        var requests = page.GetByLabel("Requests", new() { Exact = true });
        var perSeconds = page.GetByLabel("Per seconds");
        var redact = page.GetByLabel("Redact body paths");

        await requests.FillAsync("10");
        await perSeconds.FillAsync("a minute");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(perSeconds).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(perSeconds).ToHaveAccessibleDescriptionAsync(new Regex("is not a whole number of seconds"));

        await requests.FillAsync("0");
        await perSeconds.FillAsync("60");
        await redact.FillAsync("email\na..b");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("2 things need fixing");
        await Expect(requests).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(requests).ToHaveAccessibleDescriptionAsync(new Regex("0 requests per 60 s is not allowed: use 1 to 1000000 requests"));
        await Expect(redact).ToHaveAccessibleDescriptionAsync(new Regex("'a..b': has an empty segment"));
        await Expect(redact).ToHaveValueAsync("email\na..b");
        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Null(saved["rateLimit"]);
        Assert.Equal("[]", saved["redactBodyPaths"]!.ToJsonString());
    }

    [Fact]
    public async Task ABlueprintWithItemFieldsIsSavedUnchangedWhenNothingIsTouched()
    {
        var id = await CreatePurchaseAsync("limits-items-keep");
        var before = (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["mappings"]!.ToJsonString();
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await Expect(Item(page, 2, 5).GetByLabel("Item to")).ToHaveValueAsync("product_name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");
        Assert.Equal(before, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["mappings"]!.ToJsonString());
    }

    [Fact]
    public async Task AnItemFieldEditedInTheFormIsCheckedAndSaved()
    {
        var id = await CreatePurchaseAsync("limits-items-edit");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add an item field to mapping 5" }).ClickAsync();
        await Expect(Item(page, 6, 5).GetByLabel("Item from")).ToBeFocusedAsync();

        await Item(page, 2, 5).GetByLabel("Item from").FillAsync("title");
        await Item(page, 2, 5).GetByLabel("Item to").FillAsync("product name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        var to = Item(page, 2, 5).GetByLabel("Item to");
        await Expect(to).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(to).ToHaveAccessibleDescriptionAsync(new Regex("'product name' is not an attribute name of a list element"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Mapping 5 › Item field 2");

        await to.FillAsync("product_name");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");

        var items = (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["mappings"]![4]!["items"]!.AsArray();
        Assert.Equal(5, items.Count);
        Assert.Equal(("title", "product_name"), (items[1]!["from"]!.GetValue<string>(), items[1]!["to"]!.GetValue<string>()));
    }

    private async Task<string> CreatePurchaseAsync(string endpoint)
    {
        var created = await app.Api().PostJsonAsync("/api/v1/webhooks", $$$"""
            {"blueprint":"mparticle-purchase","endpoint":"{{{endpoint}}}","verification":{"type":"token","header":"Authorization","secret":"Bearer mp-token"}}
            """);
        await created.ShouldBeAsync(201);
        return (await created.ReadJsonAsync())["id"]!.GetValue<string>();
    }

    private static ILocator Item(IPage page, int item, int mapping) =>
        page.GetByRole(AriaRole.Group, new() { Name = $"Item field {item} of mapping {mapping}", Exact = true });
}
