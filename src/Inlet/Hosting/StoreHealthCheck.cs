using Inlet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Inlet.Hosting;

/// <summary>
/// <c>/health/ready</c>: the store answers a query, and the node is not shutting down (a load balancer stops sending to a
/// node as soon as it has been told to stop, while it finishes what it has).
/// </summary>
internal sealed class StoreHealthCheck(InletDb db, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("shutting down")
        : await db.Database.CanConnectAsync(cancellationToken) && await db.Accounts.AnyAsync(cancellationToken) ? HealthCheckResult.Healthy()
        : HealthCheckResult.Unhealthy("the store cannot be read");
}
