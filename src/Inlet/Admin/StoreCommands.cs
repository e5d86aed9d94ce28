using System.CommandLine;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Logs;

namespace Inlet.Admin;

/// <summary><c>inlet migrate</c> and <c>inlet prune-logs</c>: what the server does at start and every hour, done once, now.</summary>
internal static class StoreCommands
{
    public static Command Migrate(AdminContext admin)
    {
        var migrate = new Command("migrate", "Bring the store's schema up to this version of Inlet, then exit "
            + "(on PostgreSQL under the same lock as starting nodes, so it runs once however many run it)");
        migrate.SetAction((_, cancellationToken) => admin.RunAsync(async services =>
        {
            var db = services.GetRequiredService<InletDb>();
            IReadOnlyList<string> applied;
            await using (await NodeLocks.TakeAsync(db, NodeLocks.Initialization, cancellationToken))
            {
                applied = await StoreMigrations.ApplyAsync(db, cancellationToken);
            }
            await admin.Out.WriteLineAsync(applied.Count == 0
                ? "The store is up to date: no migration to apply."
                : $"Applied {applied.Count} migration{(applied.Count == 1 ? "" : "s")}: {string.Join(", ", applied)}.");
            return 0;
        }, cancellationToken, migrating: true));
        return migrate;
    }

    public static Command PruneLogs(AdminContext admin)
    {
        var prune = new Command("prune-logs", "Delete the request logs past Inlet:Logs:RetentionDays and the idempotency keys past "
            + "Inlet:Ingestion:IdempotencyDays now, as the server does every Inlet:Logs:PruneIntervalMinutes");
        prune.SetAction((_, cancellationToken) => admin.RunAsync(async services =>
        {
            var pruned = await services.GetRequiredService<LogPruner>().PruneAsync(cancellationToken);
            await admin.Out.WriteLineAsync(pruned is null
                ? "Another node is pruning the store right now: this run left it to that node and removed nothing."
                : $"Removed {pruned.RequestLogs} request logs received before {pruned.LogsBefore:u} and {pruned.IdempotencyKeys} idempotency keys created before {pruned.KeysBefore:u}.");
            return 0;
        }, cancellationToken));
        return prune;
    }
}
