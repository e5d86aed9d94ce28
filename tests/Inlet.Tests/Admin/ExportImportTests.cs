using System.Text.Json.Nodes;

namespace Inlet.Tests.Admin;

/// <summary><c>Inlet export</c> and <c>Inlet import</c>: an account's configuration as a file, as it would live in git.</summary>
public sealed class ExportImportTests(InletApp app) : IClassFixture<InletApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AnExportImportedIntoAnotherAccountExportsTheSame()
    {
        await app.ConfiguredAccountAsync("ei-source");
        var export = (await app.CliAsync("export", "--account", "ei-source")).Succeeded();
        (await app.CliAsync("accounts", "create", "ei-copy")).Succeeded();

        var imported = (await app.CliWithInputAsync(export, "import", "-", "--account", "ei-copy")).Succeeded();

        Assert.Equal(export, (await app.CliAsync("export", "--account", "ei-copy")).Succeeded());
        Assert.Equal(
            [
                "update settings earnRate, unknownCustomer", "create event type review_written",
                "create webhook POST points: Points points, active", "create webhook PUT points: Points by PUT, inactive",
                "create webhook POST reviews: Reviews, active", "Imported: 5 changes made.",
            ],
            imported.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    [Trait("Store", "postgres")]
    public async Task OnPostgreSqlARunningNodeServesWhatTheCommandLineImportedWithinASecond()
    {
        Assert.SkipUnless(TestStore.OnPostgres, "on SQLite a running node serves a command line's import after a restart (docs/admin.md)");
        await app.ConfiguredAccountAsync("ei-live-source");
        var export = (await app.CliAsync("export", "--account", "ei-live-source")).Succeeded();
        (await app.CliAsync("accounts", "create", "ei-live")).Succeeded();

        (await app.CliWithInputAsync(export, "import", "-", "--account", "ei-live")).Succeeded();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/custom/ei-live/reviews") { Content = Http.Json("""{"user":"live-1","rating":4}""") };
            if ((await app.Sender().SendAsync(request, TestContext.Current.CancellationToken)).StatusCode == System.Net.HttpStatusCode.OK)
            {
                return;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"the node did not serve the imported webhook after {clock.Elapsed.TotalMilliseconds:F0} ms");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task AnExportIsSortedAndHoldsNoIdsOrTimes()
    {
        await app.ConfiguredAccountAsync("ei-shape");

        var export = JsonNode.Parse((await app.CliAsync("export", "--account", "ei-shape")).Succeeded())!.AsObject();

        Assert.Equal(["format", "settings", "eventTypes", "webhooks"], export.Select(p => p.Key));
        Assert.Equal(["POST points", "PUT points", "POST reviews"],
            export["webhooks"]!.AsArray().Select(w => $"{w!["method"]} {w["endpoint"]}"));
        Assert.All(export["webhooks"]!.AsArray(), w => Assert.DoesNotContain(w!.AsObject(), p => p.Key is "id" or "version" or "createdAt" or "url"));
        Assert.Equal("active", export["webhooks"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportingTheSameFileTwiceChangesNothingTheSecondTime()
    {
        await app.ConfiguredAccountAsync("ei-twice-source");
        var file = await ExportToFileAsync("ei-twice-source");
        (await app.CliAsync("accounts", "create", "ei-twice")).Succeeded();
        (await app.CliAsync("import", file, "--account", "ei-twice")).Succeeded();
        var first = (await app.CliAsync("export", "--account", "ei-twice")).Succeeded();

        var second = (await app.CliAsync("import", file, "--account", "ei-twice")).Succeeded();

        Assert.Equal("No changes: the account already matches the file." + Environment.NewLine, second);
        Assert.Equal(first, (await app.CliAsync("export", "--account", "ei-twice")).Succeeded());
    }

    [Fact]
    public async Task ADryRunSaysWhatWouldChangeAndWritesNothing()
    {
        await app.ConfiguredAccountAsync("ei-dry-source");
        var file = await ExportToFileAsync("ei-dry-source");
        (await app.CliAsync("accounts", "create", "ei-dry")).Succeeded();
        var before = (await app.CliAsync("export", "--account", "ei-dry")).Succeeded();

        var output = (await app.CliAsync("import", file, "--account", "ei-dry", "--dry-run")).Succeeded();

        Assert.Contains("would create webhook POST reviews: Reviews, active", output, StringComparison.Ordinal);
        Assert.EndsWith("Dry run: 5 changes to make, nothing written." + Environment.NewLine, output, StringComparison.Ordinal);
        Assert.Equal(before, (await app.CliAsync("export", "--account", "ei-dry")).Succeeded());
    }

    [Fact]
    public async Task AChangedDefinitionInTheFileBecomesANewVersionOfThatWebhookOnly()
    {
        await app.ConfiguredAccountAsync("ei-edit");
        var document = JsonNode.Parse((await app.CliAsync("export", "--account", "ei-edit")).Succeeded())!;
        document["webhooks"]![2]!["name"] = "Reviews, renamed";
        document["webhooks"]![2]!["status"] = "inactive";

        var output = (await app.CliWithInputAsync(document.ToJsonString(), "import", "-", "--account", "ei-edit")).Succeeded();

        Assert.Equal(
            [
                "update webhook POST reviews: Reviews, renamed, version 2",
                "note: webhook POST reviews is active here and inactive in the file: an import leaves an existing webhook's status as it is",
                "Imported: 1 change made.",
            ],
            output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task SecretsAreLeftOutOfAnExportAndAnImportKeepsTheStoredOnes()
    {
        var api = await app.ConfiguredAccountAsync("ei-secret", withSecret: true);
        var export = (await app.CliAsync("export", "--account", "ei-secret")).Succeeded();

        var again = (await app.CliWithInputAsync(export, "import", "-", "--account", "ei-secret")).Succeeded();

        Assert.DoesNotContain(Configurations.HmacSecret, export, StringComparison.Ordinal);
        var verification = Configurations.Webhooks(export)["POST signed"]["verification"]!.AsObject();
        Assert.Equal(["type", "header", "algorithm", "encoding"], verification.Select(p => p.Key));
        Assert.StartsWith("No changes", again, StringComparison.Ordinal);
        var signed = (await api.GetJsonAsync("/api/v1/webhooks")).AsArray().Single(w => w!["endpoint"]!.GetValue<string>() == "signed")!;
        Assert.EndsWith(Configurations.HmacSecret[^4..], signed["verification"]!["secret"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWebhookWhoseSecretIsNotInTheFileIsCreatedInactiveAndTheImportSaysToSetIt()
    {
        await app.ConfiguredAccountAsync("ei-secret-source", withSecret: true);
        var file = await ExportToFileAsync("ei-secret-source");
        (await app.CliAsync("accounts", "create", "ei-secret-copy")).Succeeded();

        var output = (await app.CliAsync("import", file, "--account", "ei-secret-copy")).Succeeded();
        var second = (await app.CliAsync("import", file, "--account", "ei-secret-copy")).Succeeded();

        Assert.Contains("create webhook POST signed: Points signed, inactive: its verification secret is not in the file; set it, then activate the webhook",
            output, StringComparison.Ordinal);
        var copy = Configurations.Webhooks((await app.CliAsync("export", "--account", "ei-secret-copy")).Succeeded());
        Assert.Equal("inactive", copy["POST signed"]["status"]!.GetValue<string>());
        Assert.Equal("hmac", copy["POST signed"]["verification"]!["type"]!.GetValue<string>());
        Assert.Contains("No changes", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileWithFaultsChangesNothingAndNamesEachFault()
    {
        (await app.CliAsync("accounts", "create", "ei-faults")).Succeeded();
        var before = (await app.CliAsync("export", "--account", "ei-faults")).Succeeded();
        const string file = """
            {"settings": {"earnRate": -1}, "eventTypes": [{"name": "Bad Name"}],
             "webhooks": [{"name": "W", "endpoint": "has space", "action": "no_such_action"}, {"blueprint": "point-add"}]}
            """;

        var run = await app.CliWithInputAsync(file, "import", "-", "--account", "ei-faults");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("- was not imported, nothing changed: it has faults", run.Error, StringComparison.Ordinal);
        foreach (var field in new[] { "settings.earnRate", "eventTypes[0].name", "webhooks[0].endpoint", "webhooks[0].action" })
        {
            Assert.Contains($"  {field}: ", run.Error, StringComparison.Ordinal);
        }
        Assert.Equal(before, (await app.CliAsync("export", "--account", "ei-faults")).Succeeded());
    }

    [Fact]
    public async Task AFileThatIsNotJsonIsRefusedWithOneLine()
    {
        var line = (await app.CliWithInputAsync("webhooks: []", "import", "-", "--account", "demo")).FailedWithOneLine();

        Assert.StartsWith("- is not JSON: ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportIntoAnUnknownAccountSaysHowToCreateIt()
    {
        var line = (await app.CliWithInputAsync("{}", "import", "-", "--account", "ei-nowhere")).FailedWithOneLine();

        Assert.Equal("There is no account 'ei-nowhere': 'Inlet accounts create ei-nowhere' creates it.", line);
    }

    [Fact]
    public async Task ExportWithOutputWritesTheDocumentToTheFile()
    {
        var path = Path.Combine(_folder, "demo.json");

        var output = (await app.CliAsync("export", "--account", "demo", "--output", path)).Succeeded();

        Assert.Equal($"Exported the account demo to {path}." + Environment.NewLine, output);
        Assert.Equal((await app.CliAsync("export", "--account", "demo")).Succeeded(), await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
    }

    private async Task<string> ExportToFileAsync(string accountId)
    {
        var path = Path.Combine(_folder, $"{accountId}.json");
        (await app.CliAsync("export", "--account", accountId, "--output", path)).Succeeded();
        return path;
    }
}
