using Inlet.Data;
using Inlet.Logs;
using Inlet.Tests.Logs;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Admin;

/// <summary>An empty store of its own: a SQLite file not yet created, or an empty PostgreSQL database in the PostgreSQL pass.</summary>
public sealed class EmptyStore : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-cli-").FullName;
    private readonly string? _postgres = TestStore.OnPostgres ? TestStore.CreatePostgresDatabase() : null;

    public Dictionary<string, string?> Settings => _postgres is null
        ? new() { ["Inlet:Store:ConnectionString"] = $"Data Source={Path.Combine(_folder, "inlet.db")};Pooling=False" }
        : new() { ["Inlet:Store:Provider"] = "postgres", ["Inlet:Store:ConnectionString"] = _postgres };

    public void Dispose()
    {
        if (_postgres is not null)
        {
            TestStore.DropPostgresDatabase(_postgres);
        }
        Directory.Delete(_folder, recursive: true);
    }
}

public sealed class StoreCommandTests(InletApp app, EmptyStore empty) : IClassFixture<InletApp>, IClassFixture<EmptyStore>
{
    [Fact]
    public async Task MigrateBringsAnEmptyStoreUpToDateOnceAndTheCommandsWaitForIt()
    {
        var unmigrated = (await Cli.RunAsync(empty.Settings, "", "accounts", "create", "acme")).FailedWithOneLine();
        Assert.Equal("The store is not migrated to this version of Inlet: run 'Inlet migrate' (or start Inlet once), then try again.", unmigrated);

        var first = (await Cli.RunAsync(empty.Settings, "", "migrate")).Succeeded();
        var second = (await Cli.RunAsync(empty.Settings, "", "migrate")).Succeeded();

        Assert.StartsWith("Applied ", first, StringComparison.Ordinal);
        Assert.Contains("_Initial", first, StringComparison.Ordinal);
        Assert.Equal("The store is up to date: no migration to apply." + Environment.NewLine, second);
        (await Cli.RunAsync(empty.Settings, "", "accounts", "create", "acme")).Succeeded();
    }

    [Fact]
    public async Task AWrongStoreSettingFailsWithOneLineNamingIt()
    {
        var line = (await Cli.RunAsync(new Dictionary<string, string?> { ["Inlet:Store:Provider"] = "mysql" }, "", "migrate")).FailedWithOneLine();

        Assert.StartsWith("Inlet cannot open its store: ", line, StringComparison.Ordinal);
        Assert.Contains("Inlet:Store:Provider must be sqlite (one node, the default) or postgres", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreThatCannotBeOpenedFailsWithOneLineSayingWhy()
    {
        // A SQLite file whose folder would have to be made inside a file.
        var file = Path.GetTempFileName();
        try
        {
            var settings = new Dictionary<string, string?> { ["Inlet:Store:Provider"] = "sqlite", ["Inlet:Store:ConnectionString"] = $"Data Source={file}/data/inlet.db" };

            var line = (await Cli.RunAsync(settings, "", "migrate")).FailedWithOneLine();

            Assert.StartsWith("The store cannot be used: ", line, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PruneLogsRemovesTheLogsPastRetentionAndSaysHowMany()
    {
        var id = $"req_{Guid.CreateVersion7():N}";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InletDb>();
            db.RequestLogs.Add(new RequestLogRow
            {
                Id = id, AccountId = "demo", ReceivedAt = DateTimeOffset.UtcNow.AddDays(-120), Method = "POST", Path = "/webhooks/custom/demo/old",
                StatusCode = 404, Outcome = "not_found",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.IndexLogBodiesAsync();
        }

        var output = (await app.CliAsync("prune-logs")).Succeeded();

        Assert.Matches(@"^Removed \d+ request logs received before .+ and \d+ idempotency keys created before .+\.\r?\n$", output);
        await (await app.Api().GetAsync($"/api/v1/logs/{id}", TestContext.Current.CancellationToken)).ShouldBeAsync(404);
    }
}
