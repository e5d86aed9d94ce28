using Inlet.Tests.Writer;

namespace Inlet.Tests.Cluster;

/// <summary>
/// Two Inlet processes on two ports over one fresh PostgreSQL database, started at the same moment (so they also race to
/// migrate and bootstrap it), as an operator runs them behind a load balancer.
/// </summary>
public sealed class TwoNodes : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-nodes-").FullName;
    private string? _database;

    internal InletProcess A { get; private set; } = null!;

    internal InletProcess B { get; private set; } = null!;

    /// <summary>The database both nodes share; null when no PostgreSQL server is configured.</summary>
    public string Database => _database ?? throw Xunit.Sdk.SkipException.ForSkip("no PostgreSQL server: set INLET_TEST_POSTGRES (./test.sh does)");

    public async ValueTask InitializeAsync()
    {
        if (TestStore.PostgresServer is null)
        {
            return;
        }
        _database = TestStore.CreatePostgresDatabase();
        (A, B) = (Start("a"), Start("b"));
        await Task.WhenAll(A.UntilAnswersAsync("/health/ready"), B.UntilAnswersAsync("/health/ready"));
    }

    /// <summary>One more node over the same database, in a folder of its own, not waited for.</summary>
    internal InletProcess Start(string name)
    {
        var url = new Uri($"http://127.0.0.1:{InletProcess.FreePort()}");
        return InletProcess.Launch(Directory.CreateDirectory(Path.Combine(_folder, name)).FullName, url,
            [("ASPNETCORE_URLS", url.ToString()), ("Inlet__Store__Provider", "postgres"), ("Inlet__Store__ConnectionString", Database),
                ("Logging__LogLevel__Default", "Warning")]);
    }

    public ValueTask DisposeAsync()
    {
        A?.Dispose();
        B?.Dispose();
        if (_database is not null)
        {
            TestStore.DropPostgresDatabase(_database);
        }
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
