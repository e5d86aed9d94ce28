using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

/// <summary>The webhook editor as the manual describes it: blueprints, the form, the lifecycle buttons and their dialogs.</summary>
[Collection(BrowserTests.Collection)]
public sealed class WebhookEditorTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task TheManualsPointAddStoryWorksFromTheBackofficeToTheMembersPoints()
    {
        var page = await app.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Create new webhook" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Create new webhook" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 }).First).ToHaveTextAsync("Blank");
        await BackofficeApp.ScreenshotAsync(page, "blueprints");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use Blank" }).ClickAsync();

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Point add");
        await page.GetByLabel("Method").SelectOptionAsync("POST");
        await page.GetByLabel("Endpoint").FillAsync("endpoint1");
        await page.GetByLabel("Event to register").SelectOptionAsync("point_add");
        await page.GetByLabel("Success", new() { Exact = true }).FillAsync("""{"ok":true}""");
        await page.GetByLabel("Error", new() { Exact = true }).FillAsync("""{"notok":false}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add criteria", Exact = true }).ClickAsync();
        await page.GetByLabel("Attribute").FillAsync("body.pointadd");
        await page.GetByLabel("Operator").SelectOptionAsync(new SelectOptionValue { Label = "exists" });
        string[][] mappings = [["clientID", "customer"], ["reason", "data.reason"], ["pointstobeadded", "data.points"]];
        for (var i = 0; i < mappings.Length; i++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Add mapping" }).ClickAsync();
            await page.GetByLabel("From", new() { Exact = true }).Nth(i).FillAsync(mappings[i][0]);
            await page.GetByLabel("To", new() { Exact = true }).Nth(i).FillAsync(mappings[i][1]);
        }
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Point add");
        await Expect(page.GetByText("/webhooks/custom/demo/endpoint1")).ToBeVisibleAsync();
        await BackofficeApp.ScreenshotAsync(page, "webhook-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("created, inactive");

        await page.GotoAsync("/backoffice/webhooks");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "endpoint1" });
        await Expect(row).ToContainTextAsync("inactive");
        await BackofficeApp.ScreenshotAsync(page, "webhooks-list");
        await row.GetByRole(AriaRole.Link, new() { Name = "Point add" }).ClickAsync();
        await ConfirmAsync(page, "Set active", "Activate this webhook? It will start registering events.");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("active");

        await app.OptInAsync("story-member");
        var answer = await app.SendAsync("endpoint1", """{"clientID":"story-member","pointstobeadded":"25","reason":"welcome","pointadd":true}""");
        await answer.ShouldBeAsync(200);
        Assert.Equal("""{"ok":true}""", await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(25, await app.ScoreAsync("story-member"));

        var editUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Logs", Exact = true }).ClickAsync();
        var logRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "POST /webhooks/custom/demo/endpoint1" });
        await Expect(logRow).ToContainTextAsync("200");
        await Expect(logRow).ToContainTextAsync("processed");
        await logRow.GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByLabel("Request body")).ToContainTextAsync("\"pointstobeadded\": \"25\"");
        await Expect(page.GetByLabel("Response body")).ToHaveTextAsync("""{"ok":true}""");
        await page.GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }).ClickAsync();
        await page.GetByLabel("Customer ID").FillAsync("story-member");
        await page.GetByRole(AriaRole.Button, new() { Name = "Find" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Balances" })).ToContainTextAsync(new Regex(@"Score\s*25"));
        await page.GotoAsync(editUrl);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Point add for the newsletter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Point add for the newsletter");
        await ConfirmAsync(page, "Set inactive", "Deactivate this webhook?");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("inactive");
        await ConfirmAsync(page, "Archive", "Archive this webhook?");
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("archived");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToBeDisabledAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Logs" })).ToHaveAttributeAsync("href", new Regex("/logs$"));
    }

    [Fact]
    public async Task EveryFaultIsReportedAtOnceBesideItsFieldAndNothingTypedIsLost()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/webhooks/new/blank");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Broken");
        await page.GetByLabel("Endpoint").FillAsync("editor-broken");
        await page.GetByLabel("Event to register").SelectOptionAsync("point_add");
        await page.GetByLabel("Success", new() { Exact = true }).FillAsync("{'ok':true}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add criteria", Exact = true }).ClickAsync();
        await page.GetByLabel("Attribute").FillAsync("body.code");
        await page.GetByLabel("Operator").SelectOptionAsync(new SelectOptionValue { Label = "matches regex" });
        await page.GetByLabel("Value", new() { Exact = true }).FillAsync("([");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add mapping" }).ClickAsync();
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("pointstobeadded");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("data.points");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("need fixing");
        var success = page.GetByLabel("Success", new() { Exact = true });
        await Expect(success).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(success).ToHaveAccessibleDescriptionAsync(new Regex("single quotes"));
        var value = page.GetByLabel("Value", new() { Exact = true });
        await Expect(value).ToHaveAccessibleDescriptionAsync(new Regex("not a valid regular expression"));
        await Expect(page.GetByRole(AriaRole.Region, new() { Name = "Mapping" })).ToContainTextAsync("nothing maps the customer id");
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Broken");
        await Expect(page.GetByLabel("Endpoint")).ToHaveValueAsync("editor-broken");
        await Expect(success).ToHaveValueAsync("{'ok':true}");
        await Expect(value).ToHaveValueAsync("([");
        await Expect(page.GetByLabel("Operator")).ToHaveValueAsync("matches");
        await Expect(page.GetByLabel("From", new() { Exact = true })).ToHaveValueAsync("pointstobeadded");
        await Expect(page.GetByLabel("Event to register")).ToHaveValueAsync("point_add");
        var list = await app.Api().GetJsonAsync("/api/v1/webhooks?status=all");
        Assert.DoesNotContain("editor-broken", list.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTestPanelShowsTheCriteriaTheMappingAndTheEventAndStoresNothing()
    {
        await app.OptInAsync("panel-member");
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/webhooks/new");
        await page.GetByRole(AriaRole.Link, new() { Name = "Use Point add" }).ClickAsync();
        await page.GetByLabel("Endpoint").FillAsync("editor-panel");
        await page.GetByLabel("Payload (JSON)").FillAsync("""{"clientID":"panel-member","pointstobeadded":"7","reason":"try","pointadd":"yes"}""");
        await page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true }).ClickAsync();

        var result = page.Locator("#test-result");
        await Expect(result).ToContainTextAsync("200 processed");
        var criterion = result.GetByRole(AriaRole.Row).Filter(new() { HasText = "body.pointadd" });
        await Expect(criterion).ToContainTextAsync("\"yes\"");
        await Expect(criterion).ToContainTextAsync("matched");
        await Expect(result.GetByRole(AriaRole.Row).Filter(new() { HasText = "pointstobeadded" })).ToContainTextAsync("data.points");
        await Expect(result.GetByLabel("Event")).ToContainTextAsync("\"points\": 7");
        await Expect(result).ToContainTextAsync("0 → 7");
        await Expect(result.GetByLabel("Response body")).ToHaveTextAsync("""{"ok":true}""");
        await Expect(page.GetByLabel("Endpoint")).ToHaveValueAsync("editor-panel");
        await BackofficeApp.ScreenshotAsync(page, "webhook-test-panel");

        Assert.Equal(0, await app.ScoreAsync("panel-member"));
        var list = await app.Api().GetJsonAsync("/api/v1/webhooks?status=all");
        Assert.DoesNotContain("editor-panel", list.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FormsRejectAPostWithoutTheAntiforgeryToken()
    {
        var page = await app.SignedInPageAsync();
        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "inlet.backoffice");
        using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");

        var signedIn = await client.GetAsync("/backoffice/webhooks/new/blank", TestContext.Current.CancellationToken);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.Name"] = "Forged", ["Form.Method"] = "POST", ["Form.Endpoint"] = "editor-forged", ["Form.Action"] = "point_add", ["Command"] = "save",
        });
        var forged = await client.PostAsync("/backoffice/webhooks/new/blank", form, TestContext.Current.CancellationToken);

        await signedIn.ShouldBeAsync(200);
        await forged.ShouldBeAsync(400);
    }

    [Fact]
    public async Task AnotherAccountsWebhookIsNotFound()
    {
        var secret = await Accounts.NewAccounts.CreateAsync(app, "editor-other");
        var created = await app.Api(secret).PostJsonAsync("/api/v1/webhooks", """{"blueprint":"point-add","endpoint":"editor-other"}""");
        await created.ShouldBeAsync(201);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        var page = await app.SignedInPageAsync();

        var answer = await page.GotoAsync($"/backoffice/webhooks/{id}");

        Assert.Equal(404, answer!.Status);
    }

    [Fact]
    public async Task AGroupOfCriteriaIsSavedAsANestedAnyGroup()
    {
        var page = await app.SignedInPageAsync();
        await page.GotoAsync("/backoffice/webhooks/new/point-add");
        await page.GetByLabel("Endpoint").FillAsync("editor-group");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add group" }).ClickAsync();
        await page.GetByLabel("Group 1 must match").SelectOptionAsync(new SelectOptionValue { Label = "Any of these (OR)" });
        await page.GetByLabel("Attribute").Nth(1).FillAsync("body.tier");
        await page.GetByLabel("Operator").Nth(1).SelectOptionAsync(new SelectOptionValue { Label = "is one of" });
        await page.GetByLabel("Value", new() { Exact = true }).Nth(1).FillAsync("gold, silver");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("status")).ToHaveTextAsync("inactive");

        var id = new Uri(page.Url).Segments[^1];
        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal("""{"all":[{"attribute":"body.pointadd","operator":"exists"},{"any":[{"attribute":"body.tier","operator":"in","value":["gold","silver"]}]}]}""",
            saved["filter"]!.ToJsonString());
    }

    [Fact]
    public async Task AFilterNestedDeeperThanTheFormIsEditedAsJsonAndKeptOnSave()
    {
        const string filter = """{"any":[{"all":[{"any":[{"attribute":"body.a","operator":"exists"},{"attribute":"body.b","operator":"exists"}]}]}]}""";
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("editor-deep", $", \"filter\": {filter}"), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await Expect(page.GetByLabel("Filter (JSON)")).ToContainTextAsync("body.b");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Deep filter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");

        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal("Deep filter", saved["name"]!.GetValue<string>());
        Assert.Equal(filter, saved["filter"]!.ToJsonString());
    }

    [Fact]
    public async Task SavingOverAChangeMadeElsewhereIsRefusedNotSilentlyOverwritten()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("editor-stale"), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");
        await (await app.Api().PutJsonAsync($"/api/v1/webhooks/{id}", Scenario.PointAddDefinition("editor-stale").Replace("Points editor-stale", "Changed through the API", StringComparison.Ordinal))).ShouldBeAsync(200);

        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Changed in the Backoffice");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("read it again");
        Assert.Equal("Changed through the API", (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"all":[{"attribute":"body.company","operator":"ends_with","value":" Inc"}]}""")]
    [InlineData("""{"all":[{"attribute":"body.code","operator":"equals","value":""}]}""")]
    [InlineData("""{"all":[{"attribute":"body.tier","operator":"in","value":["gold",""]}]}""")]
    [InlineData("""{"all":[{"attribute":"body.flag","operator":"equals","value":"true"}]}""")]
    [InlineData("""{"any":[{"attribute":"body.total","operator":"greater_than","value":100},{"attribute":"body.tier","operator":"in","value":["gold","silver"]}]}""")]
    public async Task SavingWithoutTouchingAnythingKeepsTheFilterExactly(string filter)
    {
        var endpoint = $"editor-keep-{Math.Abs(filter.GetHashCode(StringComparison.Ordinal)) % 100000}";
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition(endpoint, $", \"filter\": {filter}"), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");
        Assert.Equal(filter, (await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}"))["filter"]!.ToJsonString());
    }

    [Fact]
    public async Task ClearingThePreviousSecretEndsTheRotation()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("editor-rotation",
            """, "verification": {"type": "token", "header": "X-Shop-Token", "secret": "new-token-5678", "previousSecret": "old-token-1234"}"""));
        await app.OptInAsync("rotation-member");
        await (await app.SendAsync("editor-rotation", """{"clientID":"rotation-member","points":1}""", headers: ("X-Shop-Token", "old-token-1234"))).ShouldBeAsync(200);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await Expect(page.GetByLabel("Previous secret")).ToHaveValueAsync("****1234");
        await page.GetByLabel("Previous secret").FillAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");

        await (await app.SendAsync("editor-rotation", """{"clientID":"rotation-member","points":1}""", headers: ("X-Shop-Token", "old-token-1234"))).ShouldBeAsync(401);
        await (await app.SendAsync("editor-rotation", """{"clientID":"rotation-member","points":1}""", headers: ("X-Shop-Token", "new-token-5678"))).ShouldBeAsync(200);
    }

    [Fact]
    public async Task SettingsTheFormDoesNotShowAreKeptOnSave()
    {
        var id = await app.CreateWebhookAsync(Scenario.PointAddDefinition("editor-hidden",
            """, "rateLimit": {"requests": 50, "perSeconds": 60}, "redactBodyPaths": ["email"], "idempotency": {"bodyPath": "event_id"}"""), activate: false);
        var page = await app.SignedInPageAsync();
        await page.GotoAsync($"/backoffice/webhooks/{id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync("Your changes are saved.");
        var saved = await app.Api().GetJsonAsync($"/api/v1/webhooks/{id}");
        Assert.Equal(50, saved["rateLimit"]!["requests"]!.GetValue<int>());
        Assert.Equal("email", saved["redactBodyPaths"]![0]!.GetValue<string>());
        Assert.Equal("event_id", saved["idempotency"]!["bodyPath"]!.GetValue<string>());
    }

    /// <summary>Presses a lifecycle button and confirms in the dialog it opens.</summary>
    private static async Task ConfirmAsync(IPage page, string button, string message)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync(message);
        await dialog.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
    }
}
