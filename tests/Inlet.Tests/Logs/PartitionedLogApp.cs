using Inlet.Logs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Inlet.Tests.Logs;

/// <summary>
/// Inlet on PostgreSQL, whose request log is partitioned by day, with a clock the test sets (the days are what is tested)
/// and pruning run by the test only.
/// </summary>
public sealed class PartitionedLogApp(DateTimeOffset now) : InletApp
{
    public SetClock Clock { get; } = new(now);

    protected override bool OnPostgres => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // The background run at start would take the pruning lock from the test's run, which then does nothing.
            services.Remove(services.Single(service => service.ServiceType == typeof(IHostedService) && service.ImplementationType == typeof(LogPruning)));
        });
    }

    /// <summary>One pruning run, as the background one does it, at the clock's time.</summary>
    internal async Task<Pruned> PruneAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LogPruner>().PruneAsync(TestContext.Current.CancellationToken)
            ?? throw new InvalidOperationException("another pruning run held the lock");
    }

    /// <summary>The request log's partitions, by name.</summary>
    public async Task<List<string>> PartitionsAsync() =>
        [.. (await SqlAsync("""SELECT inhrelid::regclass::text FROM pg_inherits WHERE inhparent = '"RequestLogs"'::regclass ORDER BY 1"""))
            .Select(row => (string)row[0]!)];

    /// <summary>The partition that holds the log row of a request.</summary>
    public async Task<string> PartitionOfAsync(string requestId) =>
        (string)(await SqlAsync("""SELECT tableoid::regclass::text FROM "RequestLogs" WHERE "Id" = @id""", ("id", requestId))).Single()[0]!;

    /// <summary>Time that stands still until the test moves it.</summary>
    public sealed class SetClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
