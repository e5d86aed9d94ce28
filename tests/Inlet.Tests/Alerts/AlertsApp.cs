using Inlet.Alerts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inlet.Tests.Alerts;

/// <summary>
/// Inlet as an operator runs it with a notification receiver on the local network: <c>Inlet:Alerts:AllowHttp=true</c>,
/// <c>Inlet:Alerts:AllowPrivateNetworks=true</c>.
/// </summary>
public class AlertsApp : InletApp
{
    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Inlet:Alerts:AllowHttp", "true"), ("Inlet:Alerts:AllowPrivateNetworks", PrivateNetworks ? "true" : "false")];

    /// <summary>Whether notifications may go to private addresses (the receiver listens on loopback).</summary>
    protected virtual bool PrivateNetworks => true;

    /// <summary>
    /// One round of the evaluation loop, now rather than in 15 s: evaluates the rules, then sends what it queued (as the
    /// loop does, and as LogPruningTests runs the pruner).
    /// </summary>
    public async Task EvaluateAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AlertEvaluator>().EvaluateAsync(TestContext.Current.CancellationToken);
        await scope.ServiceProvider.GetRequiredService<AlertNotifier>().DeliverPendingAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Creates a rule through the API; returns its id.</summary>
    public async Task<string> CreateRuleAsync(string json)
    {
        var created = await Api().PostJsonAsync("/api/v1/alerts", json);
        await created.ShouldBeAsync(201);
        return (await created.ReadJsonAsync())["id"]!.GetValue<string>();
    }
}

/// <summary>
/// The same, on a clock the test moves (<see cref="FakeTimeProvider"/>): requests are logged, rolled up per minute and the
/// rules evaluated at the times the test says. The loop's own rounds are an hour apart, so the test's rounds are the ones that count.
/// </summary>
public sealed class FakeClockAlertsApp : AlertsApp
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override IEnumerable<(string Key, string Value)> Settings => [.. base.Settings, ("Inlet:Alerts:EvaluateEverySeconds", "3600")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>Inlet as an operator runs it by default: notifications reach public addresses only (http allowed, to see the address refused).</summary>
public sealed class PublicOnlyAlertsApp : AlertsApp
{
    protected override bool PrivateNetworks => false;
}
