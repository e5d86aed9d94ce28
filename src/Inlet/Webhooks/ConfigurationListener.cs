using Npgsql;

namespace Inlet.Webhooks;

/// <summary>
/// Keeps this node's snapshot in step with the others over a shared PostgreSQL store: it listens for
/// <see cref="ConfigurationNotices"/> and reloads the account named at once; and every few seconds it compares a
/// fingerprint of each account's configuration with the one it last saw, so a notice lost (a node that died between its
/// commit and its notice, a dropped connection) costs seconds, not a stale node. Registered on PostgreSQL only.
/// </summary>
internal sealed partial class ConfigurationListener(NpgsqlDataSource dataSource, WebhookRegistry registry, ILogger<ConfigurationListener> logger)
    : BackgroundService
{
    /// <summary>How often the fingerprints are compared.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(5);

    /// <summary>What identifies an account's configuration: its settings, its webhooks' versions and statuses, its event types.</summary>
    private const string Fingerprints = """
        SELECT a."Id", md5(a."SettingsJson"
            || coalesce((SELECT string_agg(w."Id" || ':' || w."Version" || ':' || w."Status", ',' ORDER BY w."Id") FROM "Webhooks" AS w WHERE w."AccountId" = a."Id"), '')
            || coalesce((SELECT string_agg(t."Name" || ':' || md5(t."DefinitionJson"), ',' ORDER BY t."Name") FROM "EventTypes" AS t WHERE t."AccountId" = a."Id"), ''))
        FROM "Accounts" AS a
        """;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogListenFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
        var changed = new HashSet<string>();
        connection.Notification += (_, notice) => changed.Add(notice.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ConfigurationNotices.Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }
        // Listening from now on; what changed before is found by the first comparison, which sees every account as new.
        var seen = new Dictionary<string, string>();
        var nextCheck = TimeSpan.Zero;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!stoppingToken.IsCancellationRequested)
        {
            if (clock.Elapsed >= nextCheck)
            {
                changed.UnionWith(await CompareAsync(connection, seen, stoppingToken));
                nextCheck = clock.Elapsed + CheckEvery;
            }
            foreach (var account in changed)
            {
                await registry.ReloadAfterNoticeAsync(account);
            }
            changed.Clear();
            await connection.WaitAsync(TimeSpan.FromTicks(Math.Max(1, (nextCheck - clock.Elapsed).Ticks)), stoppingToken);
        }
    }

    /// <summary>The accounts whose fingerprint differs from the one last seen, or that appeared or disappeared since.</summary>
    private static async Task<List<string>> CompareAsync(NpgsqlConnection connection, Dictionary<string, string> seen, CancellationToken cancellationToken)
    {
        var now = new Dictionary<string, string>();
        await using (var command = new NpgsqlCommand(Fingerprints, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                now[reader.GetString(0)] = reader.GetString(1);
            }
        }
        var changed = now.Where(account => seen.GetValueOrDefault(account.Key) != account.Value).Select(account => account.Key)
            .Concat(seen.Keys.Where(account => !now.ContainsKey(account))).ToList();
        seen.Clear();
        foreach (var (account, fingerprint) in now)
        {
            seen[account] = fingerprint;
        }
        return changed;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for configuration changes failed; listening again in a second")]
    private partial void LogListenFailed(Exception exception);
}
