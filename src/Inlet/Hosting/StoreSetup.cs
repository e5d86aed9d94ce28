using System.Data.Common;
using Inlet.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

internal static class StoreSetup
{
    /// <summary>Set on every SQLite connection: WAL, and a commit is on disk when it returns. A locked database is waited for up to
    /// the connection string's Default Timeout (30 s unless set), then the request answers 503.</summary>
    public const string SqlitePragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

    /// <summary>Registers the store: SQLite in WAL mode with full fsync, so a committed event survives a crash.</summary>
    public static IServiceCollection AddInletStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WriteGate>();
        // Data Protection keys (cookies, antiforgery, verification secrets) live in a folder beside the database by default,
        // so backing up the data folder keeps both; several nodes point Inlet:Store:KeysFolder at one shared folder.
        services.AddDataProtection().SetApplicationName("Inlet");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StoreOptions>>((keys, store) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(KeysFolder(store.Value)), NullLoggerFactory.Instance));
        services.AddDbContext<InletDb>((provider, options) =>
        {
            var store = provider.GetRequiredService<IOptions<StoreOptions>>().Value;
            options.UseSqlite(PrepareSqlite(store.ConnectionString)).AddInterceptors(new SqlitePragmaInterceptor());
        });
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    private static string KeysFolder(StoreOptions store)
    {
        if (store.KeysFolder is { Length: > 0 } configured)
        {
            return configured;
        }
        var file = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".", "keys");
    }

    /// <summary>Creates the folder of the database file, so the default <c>data/inlet.db</c> works on a fresh clone.</summary>
    private static string PrepareSqlite(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
        return builder.ConnectionString;
    }

    private sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
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
            command.CommandText = SqlitePragmas;
            command.ExecuteNonQuery();
        }
    }
}
