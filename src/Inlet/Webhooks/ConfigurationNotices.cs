using Npgsql;

namespace Inlet.Webhooks;

/// <summary>
/// Tells the other nodes over a shared PostgreSQL store that an account's configuration changed (its webhooks, event types
/// or settings), so each reloads it at once (<see cref="ConfigurationListener"/>). Registered on PostgreSQL only.
/// </summary>
internal sealed class ConfigurationNotices(NpgsqlDataSource dataSource)
{
    public const string Channel = "inlet_configuration";

    public async Task PublishAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT pg_notify('{Channel}', $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = accountId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
