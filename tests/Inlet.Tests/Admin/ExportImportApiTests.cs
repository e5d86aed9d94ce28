using System.Text.Json.Nodes;

namespace Inlet.Tests.Admin;

/// <summary><c>GET /api/v1/export</c> and <c>POST /api/v1/import</c>: the same document as the command line, over the API.</summary>
public sealed class ExportImportApiTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task TheApiExportsTheDocumentTheCommandLinePrints()
    {
        var api = await app.ConfiguredAccountAsync("api-export");

        var answer = await api.GetAsync("/api/v1/export", TestContext.Current.CancellationToken);

        await answer.ShouldBeAsync(200);
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal((await app.CliAsync("export", "--account", "api-export")).Succeeded(),
            await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ADryRunAnswersThePlanAndWritesNothing()
    {
        var export = await ExportAsync(await app.ConfiguredAccountAsync("api-dry-source"));
        var target = app.Api(await Accounts.NewAccounts.CreateAsync(app, "api-dry"));
        var before = await ExportAsync(target);

        var answer = await target.PostJsonAsync("/api/v1/import?dryRun=true", export);

        await answer.ShouldBeAsync(200);
        var report = await answer.ReadJsonAsync();
        Assert.True(report["dryRun"]!.GetValue<bool>());
        Assert.Contains(report["changes"]!.AsArray(), c => c!["change"]!.GetValue<string>() == "create" && c["kind"]!.GetValue<string>() == "webhook"
            && c["name"]!.GetValue<string>() == "POST reviews");
        Assert.Equal(5, report["changes"]!.AsArray().Count);
        Assert.Equal(before, await ExportAsync(target));
    }

    [Fact]
    public async Task AnImportMakesTheAccountServeTheFilesWebhooksAtOnceAndASecondChangesNothing()
    {
        var export = await ExportAsync(await app.ConfiguredAccountAsync("api-import-source"));
        var target = app.Api(await Accounts.NewAccounts.CreateAsync(app, "api-import"));

        var first = await target.PostJsonAsync("/api/v1/import?dryRun=false", export);
        var second = await target.PostJsonAsync("/api/v1/import", export);

        await first.ShouldBeAsync(200);
        Assert.False((await first.ReadJsonAsync())["dryRun"]!.GetValue<bool>());
        Assert.Equal(export, await ExportAsync(target));
        await second.ShouldBeAsync(200);
        Assert.Empty((await second.ReadJsonAsync())["changes"]!.AsArray());
        // The file's settings enroll unknown customers, and its review type awards 10 points: the account serves both at once.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/custom/api-import/reviews") { Content = Http.Json("""{"user":"imp-1","rating":5}""") };
        await (await app.Sender().SendAsync(request, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        Assert.Equal(10, (await target.GetJsonAsync("/api/v1/customers/imp-1"))["balances"]!["score"]!.GetValue<long>());
    }

    [Fact]
    public async Task AnInvalidFileAnswers400NamingEachFaultAndChangesNothing()
    {
        var target = app.Api(await Accounts.NewAccounts.CreateAsync(app, "api-invalid"));
        var before = await ExportAsync(target);

        var answer = await target.PostJsonAsync("/api/v1/import", """
            {"format": "inlet-account/9", "colour": "blue", "eventTypes": [{"name": "point_add"}],
             "webhooks": [{"status": "archived", "blueprint": "point-add", "endpoint": "w"}, {"blueprint": "point-add", "name": "", "endpoint": "ok"}]}
            """);

        await answer.ShouldBeAsync(400);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.ReadJsonAsync();
        Assert.Equal("invalid_import", problem["code"]!.GetValue<string>());
        Assert.Equal(["colour", "eventTypes[0].name", "format", "webhooks[0].status", "webhooks[1].name"], problem["errors"]!.AsObject().Select(e => e.Key).Order());
        Assert.Equal(before, await ExportAsync(target));
    }

    [Fact]
    public async Task AnEventTypeThatWouldChangeIsRefusedNamingIt()
    {
        var api = await app.ConfiguredAccountAsync("api-type-change");
        var document = JsonNode.Parse(await ExportAsync(api))!;
        document["eventTypes"]![0]!["points"] = 20;

        var answer = await api.PostJsonAsync("/api/v1/import", document.ToJsonString());

        await answer.ShouldBeAsync(400);
        var errors = (await answer.ReadJsonAsync())["errors"]!.AsObject();
        Assert.Contains("event type review_written is defined otherwise", Assert.Single(errors["eventTypes[0]"]!.AsArray())!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync(HttpClient api)
    {
        var answer = await api.GetAsync("/api/v1/export", TestContext.Current.CancellationToken);
        await answer.ShouldBeAsync(200);
        return await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
