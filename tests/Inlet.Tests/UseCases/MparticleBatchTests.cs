using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Inlet.Engine.Blueprints;
using Inlet.Tests.Backoffice;
using Microsoft.AspNetCore.Mvc.Testing;
using static Inlet.Tests.UseCases.MparticleBatches;

namespace Inlet.Tests.UseCases;

/// <summary>mParticle's webhook output with "Send as Batch" on, its default: one request, several events, registered all or nothing.</summary>
public sealed class MparticleBatchTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnMparticleBatchRegistersEachEventItTakesAndSkipsTheScreenView()
    {
        await CreateAsync("mpb-every");
        await app.OptInAsync("mpb-every");

        var sent = await SendAsync("mpb-every", Batch("mpb-every",
            [ScreenView, CustomEvent(points: "50"), Purchase("mpb-every-t"), UserAttributeChange("$firstname", "John")], ReferenceUserAttributes));

        await sent.ShouldBeAsync(200);
        var answer = await sent.ReadJsonAsync();
        Assert.Equal(3, answer["eventCount"]!.GetValue<int>());
        Assert.Equal(["point_add", "checkout", "profile"], await ActionsAsync("mpb-every", answer["eventIds"]!.AsArray()));
        var member = await app.Api().GetJsonAsync("/api/v1/customers/mpb-every");
        Assert.Equal((50L, 123L), (member["balances"]!["score"]!.GetValue<long>(), member["balances"]!["pending"]!.GetValue<long>()));
        Assert.Equal(("John", "Doe"), (member["profile"]!["first_name"]!.GetValue<string>(), member["profile"]!["last_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnMparticleBatchWithARefundOfAnUnknownTransactionStoresNoneOfItsEventsAndNamesTheElement()
    {
        await CreateAsync("mpb-refused");
        await app.OptInAsync("mpb-refused");

        var sent = await SendAsync("mpb-refused", Batch("mpb-refused",
            [CustomEvent(points: "50"), ScreenView, Purchase("mpb-refused-t"), Refund("mpb-nowhere", "0", "null")]));

        // The refund is events[3] of the batch and element 2 of the transform's array: the screen view is not in it.
        await sent.ShouldBeAsync(422);
        var error = (await sent.ReadJsonAsync())["error"]!;
        Assert.Equal("transaction_not_found", error["code"]!.GetValue<string>());
        Assert.StartsWith("element 2: ", error["message"]!.GetValue<string>());
        var member = await app.Api().GetJsonAsync("/api/v1/customers/mpb-refused");
        Assert.Equal((0L, 0L), (member["balances"]!["score"]!.GetValue<long>(), member["balances"]!["pending"]!.GetValue<long>()));
        Assert.Equal(["opt_in"], await ActionsAsync("mpb-refused"));
    }

    [Fact]
    public async Task AnMparticleBatchOfOnlyEventsTheBlueprintSkipsIsDropped()
    {
        await CreateAsync("mpb-skipped");
        await app.OptInAsync("mpb-skipped");

        var sent = await SendAsync("mpb-skipped", Batch("mpb-skipped", [SessionStart, ScreenView, SampleCustomEvent, OptOut(isOptedOut: false)]));

        await sent.ShouldBeAsync(200);
        Assert.Equal("dropped", (await sent.ReadJsonAsync())["status"]!.GetValue<string>());
        Assert.Equal(["opt_in"], await ActionsAsync("mpb-skipped"));
    }

    [Fact]
    public async Task ARegistrationInAnMparticleBatchEnrollsTheMemberBeforeTheBatchsOtherEvents()
    {
        await CreateAsync("mpb-registration");

        var sent = await SendAsync("mpb-registration", Batch("mpb-registration", [CustomEvent(points: "30"), Registration], ReferenceUserAttributes));

        await sent.ShouldBeAsync(200);
        var member = await app.Api().GetJsonAsync("/api/v1/customers/mpb-registration");
        Assert.Equal((30L, "John"), (member["balances"]!["score"]!.GetValue<long>(), member["profile"]!["first_name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task TheBatchBlueprintsFormShowsItsScriptToReadAndChange()
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await (await browser.LogInAsync("admin", InletApp.AdminPassword)).ShouldBeAsync(302);

        var html = await browser.GetStringAsync(new Uri("/backoffice/webhooks/new/mparticle-batch", UriKind.Relative), TestContext.Current.CancellationToken);

        var code = Regex.Match(html, """<textarea id="Form_Transform_Code"[^>]*>([^<]*)</textarea>""").Groups[1].Value;
        Assert.Equal(MparticleBatchBlueprint.Script, WebUtility.HtmlDecode(code).Trim());
        Assert.Contains("""<option value="from_transform" selected="selected">""", html, StringComparison.Ordinal);
    }

    /// <summary>A batch webhook at the endpoint (the blueprint's token check, with the token chosen), active.</summary>
    private Task<string> CreateAsync(string endpoint) => app.CreateWebhookAsync($$$"""
        {"blueprint":"mparticle-batch","endpoint":"{{{endpoint}}}","verification":{"type":"token","header":"Authorization","secret":"Bearer mp-secret-token"}}
        """);

    private Task<HttpResponseMessage> SendAsync(string endpoint, string batch) =>
        app.SendAsync(endpoint, batch, headers: ("Authorization", "Bearer mp-secret-token"));

    /// <summary>The actions of the member's events, oldest first; only those of <paramref name="ids"/> when given.</summary>
    private async Task<List<string>> ActionsAsync(string customer, JsonArray? ids = null)
    {
        var wanted = ids?.Select(id => id!.GetValue<string>()).ToHashSet();
        var items = (await app.Api().GetJsonAsync($"/api/v1/customers/{customer}/events"))["items"]!.AsArray();
        return [.. items.Where(e => wanted is null || wanted.Contains(e!["id"]!.GetValue<string>())).Select(e => e!["action"]!.GetValue<string>()).Reverse()];
    }
}
