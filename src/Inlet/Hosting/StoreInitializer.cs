using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Hosting;

/// <summary>Before the server listens: the key ring, migrations, bootstrap of an empty store, every webhook compiled into the registry.</summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes, WebhookRegistry registry, IDataProtectionProvider protection) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Create the Data Protection key now, before requests race to create one each on first use.
        protection.CreateProtector("Inlet.Startup").Protect("ready");
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(cancellationToken);
        await registry.ReloadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
