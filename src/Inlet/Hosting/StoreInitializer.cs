using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

/// <summary>
/// Before the server listens: migrations, bootstrap of an empty store, on PostgreSQL the request log's partitions of the next
/// days, the key ring, every webhook compiled into the registry.
/// On PostgreSQL, nodes starting together take turns (an advisory lock), so the store is migrated and bootstrapped once.
/// </summary>
internal sealed partial class StoreInitializer(IServiceScopeFactory scopes, WebhookRegistry registry, IDataProtectionProvider protection,
    IOptions<KeyRingOptions> keyRing, IOptions<StoreOptions> store, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        await using (await NodeLocks.TakeAsync(db, NodeLocks.Initialization, cancellationToken))
        {
            await StoreMigrations.ApplyAsync(db, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                await scope.ServiceProvider.GetRequiredService<Logs.LogPartitions>().CreateAheadAsync(cancellationToken);
            }
            // Create the Data Protection key now, before requests race to create one each on first use.
            protection.CreateProtector("Inlet.Startup").Protect("ready");
        }
        var keys = KeyRing.Describe(keyRing, db.Database.IsNpgsql() ? "the DataProtectionKeys table" : SqliteStore.KeysFolder(store.Value));
        LogKeyRing(keys);
        await registry.ReloadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "{KeyRing}")]
    private partial void LogKeyRing(string keyRing);
}
