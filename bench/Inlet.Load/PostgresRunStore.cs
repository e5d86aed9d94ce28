using System.Data.Common;
using Npgsql;

namespace Inlet.Load;

/// <summary>
/// A database of its own on the PostgreSQL server for one run (<c>inlet_load_&lt;guid&gt;</c>), which Inlet migrates at start;
/// dropped with <c>WITH (FORCE)</c> afterwards, so a node that is still connected cannot leave it behind.
/// </summary>
internal sealed class PostgresRunStore : RunStore
{
    private readonly string _connectionString;

    private PostgresRunStore(string connectionString) => _connectionString = connectionString;

    public override IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["Inlet__Store__Provider"] = "postgres",
        ["Inlet__Store__ConnectionString"] = _connectionString,
    };

    public static async Task<PostgresRunStore> CreateAsync(string server)
    {
        var name = $"inlet_load_{Guid.NewGuid():N}";
        await AdministerAsync(server, $"CREATE DATABASE {name}");
        return new PostgresRunStore(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>
    /// The settings that decide what a commit waits for, as the server runs them (it may have been tuned away from the
    /// defaults): the figures mean little without them. Read before the first run, so a server that cannot be reached stops the benchmark at once.
    /// </summary>
    public static async Task<PostgresSettings> SettingsAsync(string server) => new(
        (string)(await AdministerAsync(server, "SHOW server_version"))!,
        (string)(await AdministerAsync(server, "SHOW synchronous_commit"))!,
        (string)(await AdministerAsync(server, "SHOW fsync"))!);

    public override async Task<DbConnection> OpenReaderAsync()
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public override async ValueTask DisposeAsync()
    {
        var database = new NpgsqlConnectionStringBuilder(_connectionString);
        await AdministerAsync(database.ConnectionString, $"DROP DATABASE IF EXISTS {database.Database} WITH (FORCE)");
    }

    /// <summary>Runs one statement on the server's <c>postgres</c> database and returns what it answers, if anything.</summary>
    private static async Task<object?> AdministerAsync(string server, string sql)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}

internal sealed record PostgresSettings(string Version, string SynchronousCommit, string Fsync);
