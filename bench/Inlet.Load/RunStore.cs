using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Inlet.Load;

/// <summary>The store one Inlet run writes to, made fresh for the run and gone after it, so no run counts another's events.</summary>
internal abstract class RunStore : IAsyncDisposable
{
    /// <summary>The <c>Inlet:Store</c> settings that point every node of the run at this store.</summary>
    public abstract IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<RunStore> CreateAsync(LoadOptions options, string folder) =>
        options.Store.OnPostgres ? await PostgresRunStore.CreateAsync(options.PostgresServer) : new SqliteRunStore(folder);

    /// <summary>A connection of the benchmark's own to read what Inlet stored, outside any pool, so nothing of it outlives the run.</summary>
    public abstract Task<DbConnection> OpenReaderAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>Inlet's default store: one file in the run's folder, which goes with the folder.</summary>
internal sealed class SqliteRunStore(string folder) : RunStore
{
    private string File => Path.Combine(folder, "inlet.db");

    public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Inlet__Store__ConnectionString"] = $"Data Source={File}",
    };

    public override async Task<DbConnection> OpenReaderAsync()
    {
        var connection = new SqliteConnection($"Data Source={File};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Nothing to do: the file goes with the run's folder.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
