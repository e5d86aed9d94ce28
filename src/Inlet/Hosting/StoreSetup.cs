using Inlet.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Inlet.Writer;
using Npgsql;

namespace Inlet.Hosting;

internal static class StoreSetup
{
    /// <summary>
    /// Registers the store <c>Inlet:Store:Provider</c> names: one SQLite file (the default; WAL, full fsync, so a committed event
    /// survives a crash), or PostgreSQL shared by several nodes (every commit durable, <c>synchronous_commit</c> as the server has it).
    /// </summary>
    public static IServiceCollection AddInletStore(this IServiceCollection services, IConfiguration configuration)
    {
        // First of all hosted services: the store is migrated before anything (such as Data Protection's key ring) reads it.
        services.AddHostedService<StoreInitializer>();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<StoreOptions>, StoreOptions.Validation>();
        services.AddSingleton<WriteGate>();
        var dataProtection = services.AddDataProtection().SetApplicationName("Inlet");
        KeyRing.Protect(dataProtection, configuration);
        // Read from the configuration as it is, before the start validates it: the pages' routes build the key manager earlier.
        var store = configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        if (store.Provider == StoreOptions.Postgres)
        {
            services.AddSingleton(provider => NpgsqlDataSource.Create(provider.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString));
            services.AddDbContext<PostgresInletDb>((provider, options) => options.UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>()));
            services.AddScoped<InletDb>(provider => provider.GetRequiredService<PostgresInletDb>());
            services.AddSingleton<IWriteStore, PostgresWriteStore>();
            // A change made on one node is served by every node within a second.
            services.AddSingleton<Webhooks.ConfigurationNotices>();
            services.AddHostedService<Webhooks.ConfigurationListener>();
            // Every node reads and writes one key ring, so a cookie or a secret protected by one node is read by the others.
            dataProtection.PersistKeysToDbContext<PostgresInletDb>();
        }
        else
        {
            services.AddDbContext<SqliteInletDb>((provider, options) =>
                options.UseSqlite(SqliteStore.Prepare(provider.GetRequiredService<IOptions<StoreOptions>>().Value.ConnectionString))
                    .AddInterceptors(new SqliteStore.PragmaInterceptor()));
            services.AddScoped<InletDb>(provider => provider.GetRequiredService<SqliteInletDb>());
            services.AddSingleton<IWriteStore, SqliteWriteStore>();
            // The key ring lives in a folder beside the database by default, so backing up the data folder keeps both.
            services.AddOptions<KeyManagementOptions>().Configure(keys =>
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(SqliteStore.KeysFolder(store)), NullLoggerFactory.Instance));
        }
        return services;
    }
}
