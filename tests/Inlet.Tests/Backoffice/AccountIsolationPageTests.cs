using Inlet.Tests.Accounts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inlet.Tests.Backoffice;

[Collection(BrowserTests.Collection)]
public sealed class AccountIsolationPageTests(BackofficeApp app) : IClassFixture<BackofficeApp>
{
    [Fact]
    public async Task AnotherAccountsWebhookLogsLogDetailAndCustomerAreNotFoundByChangingTheUrl()
    {
        var other = app.Api(await NewAccounts.CreateAsync(app, "bo-other"));
        var created = await other.PostJsonAsync("/api/v1/webhooks", Scenario.PointAddDefinition("bo-secret"));
        await created.ShouldBeAsync(201);
        var webhook = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        await (await other.PostAsync($"/api/v1/webhooks/{webhook}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        await (await other.PostJsonAsync("/api/v1/events", """{"customer":"bo-other-1","action":"opt_in","data":{}}""")).ShouldBeAsync(201);
        var sent = await app.Sender().PostJsonAsync("/webhooks/custom/bo-other/bo-secret", """{"clientID":"bo-other-1","points":3}""");
        await sent.ShouldBeAsync(200);
        var log = sent.Headers.GetValues("Inlet-Request-Id").Single();
        var page = await app.SignedInPageAsync();

        foreach (var url in new[] { $"/backoffice/webhooks/{webhook}/logs", $"/backoffice/logs/{log}", "/backoffice/customers/bo-other-1" })
        {
            var response = await page.GotoAsync(url);
            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("not found");
        }
        await page.GotoAsync("/backoffice/logs?customer=bo-other-1");
        await Expect(page.GetByText("No request matches these filters.")).ToBeVisibleAsync();
    }
}
