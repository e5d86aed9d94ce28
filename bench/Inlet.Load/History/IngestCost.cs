using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Inlet.Load.History;

/// <summary>
/// What the log's search indexes cost each logged request on SQLite, apart from the rest of Inlet (<c>bench/history.sh
/// --ingest-cost</c>): two copies of a freshly migrated store, one as migrated (its batches' bodies indexed at each commit,
/// as the writer does) and one without the FTS5 table, its triggers
/// and the (AccountId, ReceivedAt, Id) index (the store before them), take turns inserting batches of log rows and events
/// as the writer commits them (32 a transaction, WAL, synchronous = FULL, its cache and temp store), for a few seconds each.
/// </summary>
internal static class IngestCost
{
    private const int BatchSize = 32;
    private const int Rounds = 6;
    private static readonly TimeSpan Turn = TimeSpan.FromSeconds(4);

    private const string WithoutSearchIndexes = """
        DROP TRIGGER "RequestLogsText_Delete"; DROP TRIGGER "RequestLogsText_Update";
        DROP TABLE "RequestLogsText"; DROP INDEX "IX_RequestLogs_AccountId_ReceivedAt_Id";
        """;

    public static async Task<string> MeasureAsync(HistoryOptions options, string folder, CancellationToken stopping)
    {
        var store = new SqliteRunStore(folder);
        using (await Server.StartAppAsync(options.InletDll, folder, "inlet", InletSetup.Environment(store), stopping))
        {
            // Started once, so Inlet migrated the store.
        }
        var (with, without) = (Path.Combine(folder, "inlet.db"), Path.Combine(folder, "before.db"));
        await using (var migrated = await OpenAsync(with))
        {
            // Inlet was killed: what it migrated may still be in the WAL, which the copy would not take.
            await ExecuteAsync(migrated, "PRAGMA wal_checkpoint(TRUNCATE)");
        }
        File.Copy(with, without);
        await using (var before = await OpenAsync(without))
        {
            await ExecuteAsync(before, WithoutSearchIndexes);
        }
        var rows = new HistoryRows(1_000_000, 1_000_000, 30, ["wh_1", "wh_2", "wh_3", "wh_4"], ["a", "b", "c", "d"]);
        var (next, rates) = (0, new Dictionary<string, List<double>> { [with] = [], [without] = [] });
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var file in new[] { without, with })
            {
                await using var connection = await OpenAsync(file);
                await using var insertLog = SqliteHistory.Insert(connection, "RequestLogs", HistoryRows.LogColumns);
                await using var insertEvent = SqliteHistory.Insert(connection, "Events", HistoryRows.EventColumns);
                var (written, watch) = (0, Stopwatch.StartNew());
                while (watch.Elapsed < Turn)
                {
                    stopping.ThrowIfCancellationRequested();
                    await using var transaction = connection.BeginTransaction();
                    var first = next;
                    for (var i = 0; i < BatchSize; i++, next++, written++)
                    {
                        await SqliteHistory.WriteAsync(insertLog, transaction, rows.Log(next, out var id));
                        await SqliteHistory.WriteAsync(insertEvent, transaction, rows.Event(next, id));
                    }
                    if (file == with)
                    {
                        // As the writer does at each batch's commit: the batch's bodies into the FTS5 index in one statement.
                        await using var index = connection.CreateCommand();
                        index.Transaction = transaction;
                        index.CommandText = """
                            INSERT INTO "RequestLogsText"(rowid, "Body")
                            SELECT rowid, "Body" FROM "RequestLogs" WHERE rowid > (SELECT max(rowid) FROM "RequestLogs") - $count
                            """;
                        index.Parameters.AddWithValue("$count", next - first);
                        await index.ExecuteNonQueryAsync(stopping);
                    }
                    await transaction.CommitAsync(stopping);
                }
                rates[file].Add(written / watch.Elapsed.TotalSeconds);
            }
        }
        var (a, b) = (Medians.Median(rates[without]), Medians.Median(rates[with]));
        return $"""
            | store (SQLite, batches of {BatchSize} log rows and events) | rows/s (median of {Rounds} turns of {Turn.TotalSeconds:0} s) | ratio |
            |---|---:|---:|
            | without the FTS5 table and the time index (before) | {a:N0} | 1.000× |
            | with them (this version) | {b:N0} | {b / a:0.000}× |
            """;
    }

    private static async Task<SqliteConnection> OpenAsync(string file)
    {
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;");
        return connection;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
