using System.Data.Common;
using Inlet.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inlet.Hosting;

internal static class StoreSetup
{
    /// <summary>Registers the store: SQLite in WAL mode with full fsync, so a committed event survives a crash.</summary>
    public static IServiceCollection AddInletStore(this IServiceCollection services)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WriteGate>();
        services.AddDbContext<InletDb>((provider, options) =>
        {
            var store = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value;
            options.UseSqlite(PrepareSqlite(store.ConnectionString)).AddInterceptors(new SqlitePragmas());
        });
        services.AddHostedService<StoreInitializer>();
        return services;
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

    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        // A locked database is waited for up to the connection string's Default Timeout (30 s unless set), then the request answers 503.
        private const string Pragmas = "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;";

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }
}
