using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inlet.Hosting;

/// <summary>What the SQLite store needs beyond EF Core: its folder, its key ring's folder, its pragmas.</summary>
internal static class SqliteStore
{
    /// <summary>Set on every SQLite connection: WAL, and a commit is on disk when it returns. A locked database is waited for up to
    /// the connection string's Default Timeout (30 s unless set), then the request answers 503.</summary>
    public const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

    public static string KeysFolder(StoreOptions store)
    {
        if (store.KeysFolder is { Length: > 0 } configured)
        {
            return configured;
        }
        try
        {
            var file = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
            return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "keys");
        }
        catch (ArgumentException)
        {
            // A connection string SQLite cannot read stops the start (StoreOptions.Validation); until then, any folder.
            return "keys";
        }
    }

    /// <summary>Creates the folder of the database file, so the default <c>data/inlet.db</c> works on a fresh clone.</summary>
    public static string Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ConnectionString;
    }

    public sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            // EF Core looks for the file on a read-only connection, where turning a database not yet in WAL mode to WAL would fail.
            if (new SqliteConnectionStringBuilder(connection.ConnectionString).Mode == SqliteOpenMode.ReadOnly)
            {
                return;
            }
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
