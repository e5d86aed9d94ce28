using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Inlet.Hosting;

/// <summary>
/// Before the server listens: migrations, bootstrap of an empty store, the key ring, every webhook compiled into the registry.
/// On PostgreSQL, nodes starting together take turns (an advisory lock), so the store is migrated and bootstrapped once.
/// </summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes, WebhookRegistry registry, IDataProtectionProvider protection) : IHostedService
{
    /// <summary>The advisory lock nodes take to initialize the store: any number, the same on every node.</summary>
    private const long InitializationLock = 0x1AE7_0001;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        var shared = db.Database.IsNpgsql();
        if (shared)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({InitializationLock})", cancellationToken);
            // EF Core logs an error when it looks for its history table in an empty database; with the table there, it does not.
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        }
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(cancellationToken);
            // Create the Data Protection key now, before requests race to create one each on first use.
            protection.CreateProtector("Inlet.Startup").Protect("ready");
        }
        finally
        {
            if (shared)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({InitializationLock})", CancellationToken.None);
            }
        }
        await registry.ReloadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
