using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Inlet.Load.History;

/// <summary>
/// The history on PostgreSQL: a partition for each seeded day first (as Inlet would have made them day by day), then the
/// rows through binary COPY, which routes each to its day's partition.
/// </summary>
internal sealed class PostgresHistory(RunStore store, string connectionString) : HistoryStore(store)
{
    private const int RowsPerTransaction = 100_000;

    private static readonly NpgsqlDbType[] LogTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer, NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Integer, NpgsqlDbType.Bigint, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Boolean, NpgsqlDbType.Text, NpgsqlDbType.Text,
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
    ];

    private static readonly NpgsqlDbType[] EventTypes =
    [
        NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.TimestampTz,
        NpgsqlDbType.TimestampTz, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint, NpgsqlDbType.Bigint,
    ];

    public override IReadOnlyList<(string Name, string Sql)> Statements { get; } =
    [
        ("primary-key look-up (baseline)", """SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "Id" = @id"""),
        ("search, no match, scan (strpos)", Scan),
        ("search, no match, pg_trgm index", Indexed),
        ("search, 5 matches, scan (strpos)", Scan.Replace("@missing", "@rare", StringComparison.Ordinal)),
        ("search, 5 matches, pg_trgm index", Indexed.Replace("@missingLike", "@rareLike", StringComparison.Ordinal)),
        ("one hour 10 days ago, by id", """
            SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "ReceivedAt" >= @from AND "ReceivedAt" < @to ORDER BY "Id" DESC LIMIT 51
            """),
        ("one hour 10 days ago, by time on (AccountId, ReceivedAt, Id)", """
            SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "ReceivedAt" >= @from AND "ReceivedAt" < @to
            ORDER BY "ReceivedAt" DESC, "Id" DESC LIMIT 51
            """),
    ];

    private const string Scan = """SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND strpos("Body", @missing) > 0 ORDER BY "Id" DESC LIMIT 51""";

    private const string Indexed = """
        SELECT "Id" FROM "RequestLogs" WHERE "AccountId" = 'demo' AND "Body" LIKE @missingLike ESCAPE '\' ORDER BY "Id" DESC LIMIT 51
        """;

    public override async Task SeedAsync(HistoryRows rows, int logs, int events, Action<int> progress)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        for (var day = rows.Start.UtcDateTime.Date; day <= DateTime.UtcNow.Date; day = day.AddDays(1))
        {
            await Execute(connection, $"""
                CREATE TABLE IF NOT EXISTS "RequestLogs_{day:yyyyMMdd}" PARTITION OF "RequestLogs"
                FOR VALUES FROM ('{day:yyyy-MM-dd} 00:00:00+00') TO ('{day.AddDays(1):yyyy-MM-dd} 00:00:00+00')
                """);
        }
        var all = Rows(rows, logs, events).GetEnumerator();
        for (var written = 0; written < Math.Max(logs, events);)
        {
            // Logs and events of one slice, each through its own COPY, one after the other on the connection.
            var slice = new List<(object?[]? Log, object?[]? Event)>(RowsPerTransaction);
            while (slice.Count < RowsPerTransaction && all.MoveNext())
            {
                slice.Add(all.Current);
            }
            await CopyAsync(connection, "RequestLogs", HistoryRows.LogColumns, LogTypes, slice.Select(s => s.Log));
            await CopyAsync(connection, "Events", HistoryRows.EventColumns, EventTypes, slice.Select(s => s.Event));
            written += slice.Count;
            progress(written);
        }
        // The hourly rollups the writer would have kept, as the migration that added them computes them.
        await Execute(connection, """
            INSERT INTO "HourlyRequestStats" ("AccountId", "WebhookId", "Start", "Outcome", "Shard", "Requests", "Failures", "PointsAdded", "PointsSubtracted")
            SELECT l."AccountId", l."WebhookId", date_bin('1 hour', l."ReceivedAt", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "Start", l."Outcome", 0,
                count(*), count(*) FILTER (WHERE l."StatusCode" NOT BETWEEN 200 AND 299),
                COALESCE(sum(e."PointsDelta") FILTER (WHERE e."PointsDelta" > 0), 0), COALESCE(-sum(e."PointsDelta") FILTER (WHERE e."PointsDelta" < 0), 0)
            FROM "RequestLogs" AS l LEFT JOIN "Events" AS e ON e."Id" = l."EventId"
            WHERE l."WebhookId" IS NOT NULL
            GROUP BY l."AccountId", l."WebhookId", "Start", l."Outcome"
            """);
        // VACUUM runs alone, one table a statement.
        await Execute(connection, """VACUUM ANALYZE "RequestLogs" """);
        await Execute(connection, """VACUUM ANALYZE "Events" """);
    }

    public override async Task<string> PlanAsync(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        await using var command = Command(connection, $"EXPLAIN (COSTS OFF) {sql}", parameters);
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(0).Trim());
        }
        // Partitions repeat the same step: the first few say what it is.
        return string.Join("; ", steps.Take(8)) + (steps.Count > 8 ? $"; … ({steps.Count} steps)" : "");
    }

    public override DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = new NpgsqlCommand(sql, (NpgsqlConnection)connection);
        foreach (var (name, value) in parameters.Where(p => sql.Contains($"@{p.Key}", StringComparison.Ordinal)))
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns, NpgsqlDbType[] types, IEnumerable<object?[]?> rows)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"""COPY "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)""");
        foreach (var row in rows.OfType<object?[]>())
        {
            await copy.StartRowAsync();
            for (var i = 0; i < row.Length; i++)
            {
                await (row[i] is null ? copy.WriteNullAsync() : copy.WriteAsync(row[i], types[i]));
            }
        }
        await copy.CompleteAsync();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
