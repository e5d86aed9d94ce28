using Microsoft.Data.Sqlite;

namespace Inlet.Tests.Hosting;

/// <summary>An Inlet started on a SQLite file that exists already, not in WAL mode: made by the sqlite3 shell, say, or restored.</summary>
public sealed class ExistingDatabaseApp : InletApp
{
    public ExistingDatabaseApp()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DatabasePath)!);
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = DELETE; VACUUM;";
        command.ExecuteNonQuery();
    }
}

[Trait("Store", "sqlite")]
public sealed class ExistingDatabaseTests(ExistingDatabaseApp app) : IClassFixture<ExistingDatabaseApp>
{
    [Fact]
    public async Task AnExistingDatabaseNotInWalModeIsMigratedAndServes()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("existing"));
        await app.OptInAsync("existing-1");

        await (await app.SendAsync("existing", """{"clientID":"existing-1","points":3}""")).ShouldBeAsync(200);

        Assert.Equal(3, await app.ScoreAsync("existing-1"));
    }
}
