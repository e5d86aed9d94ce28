using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Hosting;

/// <summary>Before the server listens: apply migrations, bootstrap an empty store, compile every webhook into the registry.</summary>
internal sealed class StoreInitializer(IServiceScopeFactory scopes, WebhookRegistry registry) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        await db.Database.MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Bootstrap>().RunAsync(cancellationToken);
        await registry.ReloadAllAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
