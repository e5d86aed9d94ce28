using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inlet.Load.History;

/// <summary>The history on SQLite: seeded through prepared inserts (the FTS triggers run as they do for Inlet's writer).</summary>
internal sealed class SqliteHistory(RunStore store, string file) : HistoryStore(store)
{
    private const int RowsPerTransaction = 20_000;

    public override IReadOnlyList<(string Name, string Sql)> Statements { get; } =
    [
        ("primary-key look-up (baseline)", """SELECT "Id" FROM "RequestLogs" WHERE "Id" = $id"""),
        ("search, no match, scan (instr)", Scan),
        ("search, no match, FTS5 index", Indexed),
        ("search, 5 matches, scan (instr)", Scan.Replace("$missing", "$rare", StringComparison.Ordinal)),
        ("search, 5 matches, FTS5 index", Indexed.Replace("$missingGlob", "$rareGlob", StringComparison.Ordinal)),
        ("one hour 10 days ago, by id on (AccountId, Id)", """
            SELECT "Id" FROM "RequestLogs" INDEXED BY "IX_RequestLogs_AccountId_Id" WHERE "AccountId" = 'demo' AND "ReceivedAt" >= $from AND "ReceivedAt" < $to
            ORDER BY "Id" DESC LIMIT 51
            """),
        ("one hour 10 days ago, by time on (AccountId, ReceivedAt, Id)", """
            SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "ReceivedAt" >= $from AND "ReceivedAt" < $to
            ORDER BY "ReceivedAt" DESC, "Id" DESC LIMIT 51
            """),
    ];

    private const string Scan = """SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND instr("Body", $missing) > 0 ORDER BY "Id" DESC LIMIT 51""";

    private const string Indexed = """
        SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "Id" IN (
            SELECT "Id" FROM "RequestLogs" WHERE rowid IN (SELECT rowid FROM "RequestLogsText" WHERE "Body" GLOB $missingGlob))
        ORDER BY "Id" DESC LIMIT 51
        """;

    public override async Task SeedAsync(HistoryRows rows, int logs, int events, Action<int> progress)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        // A benchmark's seed need not survive a power cut; Inlet itself keeps synchronous = FULL.
        await Execute(connection, "PRAGMA synchronous = OFF");
        var insertLog = Insert(connection, "RequestLogs", HistoryRows.LogColumns);
        var insertEvent = Insert(connection, "Events", HistoryRows.EventColumns);
        var transaction = await connection.BeginTransactionAsync();
        var written = 0;
        foreach (var (log, ev) in Rows(rows, logs, events))
        {
            await WriteAsync(insertLog, transaction, log);
            await WriteAsync(insertEvent, transaction, ev);
            if (++written % RowsPerTransaction == 0)
            {
                await transaction.CommitAsync();
                await transaction.DisposeAsync();
                transaction = await connection.BeginTransactionAsync();
                progress(written);
            }
        }
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        // The writer indexes the bodies of the log rows it writes and counts them in the hourly rollups; the seed's, written
        // around it, are indexed and counted in one go (the counts as the migration that added the rollups computes them).
        await Execute(connection, """
            INSERT INTO "RequestLogsText"("RequestLogsText") VALUES ('rebuild');
            INSERT INTO HourlyRequestStats (AccountId, WebhookId, Start, Outcome, Shard, Requests, Failures, PointsAdded, PointsSubtracted)
            SELECT l.AccountId, l.WebhookId, substr(l.ReceivedAt, 1, 13) || ':00:00.0000000Z', l.Outcome, 0, COUNT(*),
                SUM(CASE WHEN l.StatusCode BETWEEN 200 AND 299 THEN 0 ELSE 1 END),
                COALESCE(SUM(CASE WHEN e.PointsDelta > 0 THEN e.PointsDelta END), 0), COALESCE(SUM(CASE WHEN e.PointsDelta < 0 THEN -e.PointsDelta END), 0)
            FROM RequestLogs AS l LEFT JOIN Events AS e ON e.Id = l.EventId
            WHERE l.WebhookId IS NOT NULL
            GROUP BY l.AccountId, l.WebhookId, substr(l.ReceivedAt, 1, 13), l.Outcome;
            PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;
            """);
        progress(written);
    }

    public override async Task<string> PlanAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var command = Command(connection, $"EXPLAIN QUERY PLAN {sql}", parameters);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return string.Join("; ", steps);
    }

    public override DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = (SqliteCommand)connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters.Where(p => sql.Contains($"${p.Key}", StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue($"${name}", value is DateTimeOffset at ? Text(at) : value);
        }
        return command;
    }

    /// <summary>A prepared insert of one row into <paramref name="table"/>, its values set by <see cref="WriteAsync"/>.</summary>
    public static SqliteCommand Insert(SqliteConnection connection, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"""INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})""";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }
        return command;
    }

    public static async Task WriteAsync(SqliteCommand command, DbTransaction transaction, object?[]? values)
    {
        if (values is null)
        {
            return;
        }
        command.Transaction = (SqliteTransaction)transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch { null => DBNull.Value, DateTimeOffset at => Text(at), var value => value };
        }
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Inlet's stored form of an instant (fixed-width UTC text, <c>UtcText</c>).</summary>
    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static async Task Execute(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
