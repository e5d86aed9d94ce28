using Microsoft.Data.Sqlite;

namespace Inlet.Tests.Ingestion;

/// <summary>An Inlet whose store gives up after one second of waiting for a lock, instead of thirty.</summary>
public sealed class ImpatientStoreApp : InletApp
{
    protected override string ConnectionOptions => "Default Timeout=1";
}

[Trait("Store", "sqlite")]
public sealed class UnavailableStoreTests(ImpatientStoreApp app) : IClassFixture<ImpatientStoreApp>
{
    [Fact]
    public async Task AStoreThatCannotCommitAnswers503AndStoresNothing()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("locked"));
        await app.OptInAsync("locked-1");
        await using (var holder = new SqliteConnection($"Data Source={app.DatabasePath}"))
        {
            await holder.OpenAsync(TestContext.Current.CancellationToken);
            await using var transaction = await holder.BeginTransactionAsync(TestContext.Current.CancellationToken);
            // Another process holds the write lock: Inlet cannot commit.
            await using (var write = holder.CreateCommand())
            {
                write.CommandText = "UPDATE Members SET Score = Score WHERE Id = 'locked-1'";
                await write.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            var response = await app.SendAsync("locked", """{"clientID":"locked-1","points":5}""");

            await response.ShouldBeAsync(503);
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.Equal("unavailable", (await response.ReadJsonAsync())["error"]!["code"]!.GetValue<string>());
        }

        Assert.Equal(0, await app.ScoreAsync("locked-1"));
        var retried = await app.SendAsync("locked", """{"clientID":"locked-1","points":5}""");
        await retried.ShouldBeAsync(200);
        Assert.Equal(5, await app.ScoreAsync("locked-1"));
    }
}
