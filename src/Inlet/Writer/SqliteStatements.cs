using System.Globalization;
using System.Text.Json;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Logs;
using Inlet.Members;
using Microsoft.Data.Sqlite;

namespace Inlet.Writer;

/// <summary>
/// The writer's SQL on SQLite: its own connection, kept open, every statement prepared once and reused. A batch reads each
/// kind of row in one statement, whatever the number of keys (they go in as one JSON array, walked by <c>json_each</c>).
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private static readonly string[] LogColumns =
    [
        "Id", "AccountId", "WebhookId", "WebhookVersion", "ReceivedAt", "Method", "Path", "StatusCode", "DurationMicros", "HeadersJson", "Body",
        "BodyTruncated", "ResponseBody", "Outcome", "ErrorCode", "ErrorMessage", "FilterTraceJson", "MappingTraceJson", "EventId", "CustomerId", "ReplayOf",
    ];

    private static readonly string[] EventColumns =
    [
        "Id", "AccountId", "CustomerId", "Action", "DataJson", "PointsDelta", "OccurredAt", "ProcessedAt", "Source", "RequestLogId",
        "ScoreAfter", "SpentAfter", "PendingAfter",
    ];

    // Each starts with its key columns, and CreatedAt (or CustomerId) comes last: an update sets the columns between.
    private static readonly string[] MemberColumns =
        ["AccountId", "Id", "Status", "ProfileJson", "LabelsJson", "Score", "Spent", "Pending", "UpdatedAt", "CreatedAt"];

    private static readonly string[] TransactionColumns =
        ["AccountId", "Id", "Status", "Total", "Currency", "Earned", "Burned", "RefundedPoints", "RefundedAmount", "UpdatedAt", "CustomerId", "CreatedAt"];

    private static readonly string[] ItemColumns = ["AccountId", "TransactionId", "ProductId", "ProductName", "Quantity", "Price", "Subtotal", "Accepted"];

    private static readonly string[] KeyColumns = ["WebhookId", "Key", "BodyHash", "StatusCode", "ResponseBody", "RequestLogId", "CreatedAt"];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand[] _all;
    private readonly SqliteCommand _readMembers, _readTransactions, _readItems, _readOccurred, _readKeys;
    private readonly SqliteCommand _insertLog, _insertEvent, _insertKey;
    private readonly SqliteCommand _insertMember, _updateMember, _insertTransaction, _updateTransaction, _insertItem, _updateItem;
    private readonly SqliteCommand _savepoint, _release, _rollbackTo;

    public SqliteStatements(string connectionString, SqliteCheckpoints checkpoints)
    {
        // A connection of its own, never pooled: its pragmas and its WAL hook must not pass to a connection of EF Core's.
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        try
        {
            _connection.Open();
            checkpoints.Attach(_connection);
            using (var pragmas = _connection.CreateCommand())
            {
                // Savepoint journals stay in memory; the page cache holds the hot index pages (the default is 2 MiB).
                pragmas.CommandText = StoreSetup.SqlitePragmas + " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;";
                pragmas.ExecuteNonQuery();
            }
            _readMembers = Prepare("""
                SELECT m.Id, m.Status, m.ProfileJson, m.LabelsJson, m.Score, m.Spent, m.Pending, m.AccountId
                FROM json_each($keys) AS k CROSS JOIN Members AS m
                WHERE m.AccountId = json_extract(k.value, '$[0]') AND m.Id = json_extract(k.value, '$[1]')
                """, "$keys");
            _readTransactions = Prepare("""
                SELECT t.Id, t.CustomerId, t.Status, t.Total, t.Currency, t.Earned, t.Burned, t.RefundedPoints, t.RefundedAmount, t.AccountId
                FROM json_each($keys) AS k CROSS JOIN Transactions AS t
                WHERE t.AccountId = json_extract(k.value, '$[0]') AND t.Id = json_extract(k.value, '$[1]')
                """, "$keys");
            _readItems = Prepare("""
                SELECT i.TransactionId, i.ProductId, i.ProductName, i.Quantity, i.Price, i.Subtotal, i.Accepted, i.AccountId
                FROM json_each($keys) AS k CROSS JOIN TransactionItems AS i
                WHERE i.AccountId = json_extract(k.value, '$[0]') AND i.TransactionId = json_extract(k.value, '$[1]')
                """, "$keys");
            _readOccurred = Prepare("""
                SELECT json_extract(k.value, '$[0]'), json_extract(k.value, '$[1]'), json_extract(k.value, '$[2]')
                FROM json_each($keys) AS k
                WHERE EXISTS (SELECT 1 FROM Events AS e WHERE e.AccountId = json_extract(k.value, '$[0]')
                    AND e.CustomerId = json_extract(k.value, '$[1]') AND e.Action = json_extract(k.value, '$[2]'))
                """, "$keys");
            _readKeys = Prepare("""
                SELECT i.WebhookId, i.Key, i.BodyHash, i.StatusCode, i.ResponseBody, i.RequestLogId, i.CreatedAt
                FROM json_each($keys) AS k CROSS JOIN IdempotencyKeys AS i
                WHERE i.WebhookId = json_extract(k.value, '$[0]') AND i.Key = json_extract(k.value, '$[1]')
                """, "$keys");
            _insertLog = Insert("RequestLogs", LogColumns);
            _insertEvent = Insert("Events", EventColumns);
            _insertMember = Insert("Members", MemberColumns);
            _updateMember = Update("Members", MemberColumns, keys: 2, kept: 1);
            _insertTransaction = Insert("Transactions", TransactionColumns);
            _updateTransaction = Update("Transactions", TransactionColumns, keys: 2, kept: 2);
            _insertItem = Insert("TransactionItems", ItemColumns);
            _updateItem = Update("TransactionItems", ItemColumns, keys: 3, kept: 0);
            _insertKey = Insert("IdempotencyKeys", KeyColumns);
            _savepoint = Prepare("SAVEPOINT unit");
            _release = Prepare("RELEASE unit");
            _rollbackTo = Prepare("ROLLBACK TO unit");
            _all = [_readMembers, _readTransactions, _readItems, _readOccurred, _readKeys, _insertLog, _insertEvent, _insertKey, _insertMember,
                _updateMember, _insertTransaction, _updateTransaction, _insertItem, _updateItem, _savepoint, _release, _rollbackTo];
        }
        catch
        {
            // Closing the connection finalizes the statements it prepared.
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>Begins the batch's transaction (BEGIN IMMEDIATE: the write lock is taken now, not at the first write).</summary>
    public SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        foreach (var command in _all)
        {
            command.Transaction = transaction;
        }
        return transaction;
    }

    public void Read(BatchKeys keys, BatchState state)
    {
        if (keys.Members.Count > 0)
        {
            using var reader = Query(_readMembers, keys.Members.Select(k => new[] { k.Account, k.Id }));
            while (reader.Read())
            {
                var row = new MemberRow
                {
                    AccountId = reader.GetString(7), Id = reader.GetString(0), Status = reader.GetString(1), ProfileJson = reader.GetString(2),
                    LabelsJson = reader.GetString(3), Score = reader.GetInt64(4), Spent = reader.GetInt64(5), Pending = reader.GetInt64(6),
                };
                state.Members[(row.AccountId, row.Id)] = row.ToState();
            }
        }
        if (keys.Transactions.Count > 0)
        {
            ReadTransactions(keys.Transactions.Select(k => new[] { k.Account, k.Id }).ToList(), state);
        }
        if (keys.Once.Count > 0)
        {
            using var reader = Query(_readOccurred, keys.Once.Select(k => new[] { k.Account, k.Member, k.Action }));
            while (reader.Read())
            {
                state.Occurred.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        if (keys.Keys.Count > 0)
        {
            using var reader = Query(_readKeys, keys.Keys.Select(k => new[] { k.WebhookId, k.Key }));
            while (reader.Read())
            {
                var key = new IdempotencyRow
                {
                    WebhookId = reader.GetString(0), Key = reader.GetString(1), BodyHash = reader.GetString(2), StatusCode = reader.GetInt32(3),
                    ResponseBody = reader.GetString(4), RequestLogId = reader.IsDBNull(5) ? null : reader.GetString(5), CreatedAt = UtcText.Parse(reader.GetString(6)),
                };
                state.Keys[(key.WebhookId, key.Key)] = key;
            }
        }
    }

    public void Write(UnitRows rows)
    {
        var now = UtcText.Format(rows.Now);
        if (rows.Log is { } l)
        {
            Run(_insertLog, l.Id, l.AccountId, l.WebhookId, l.WebhookVersion, UtcText.Format(l.ReceivedAt), l.Method, l.Path, l.StatusCode, l.DurationMicros,
                l.HeadersJson, l.Body, l.BodyTruncated, l.ResponseBody, l.Outcome, l.ErrorCode, l.ErrorMessage, l.FilterTraceJson, l.MappingTraceJson,
                l.EventId, l.CustomerId, l.ReplayOf);
        }
        if (rows.Member is { } m)
        {
            var member = new MemberRow { AccountId = rows.AccountId, Id = m.Id, Status = "" };
            member.CopyFrom(m, rows.Now);
            Run(rows.NewMember ? _insertMember : _updateMember,
                rows.AccountId, m.Id, member.Status, member.ProfileJson, member.LabelsJson, m.Score, m.Spent, m.Pending, now, now);
        }
        if (rows.Transaction is { } t)
        {
            Run(rows.NewTransaction ? _insertTransaction : _updateTransaction, rows.AccountId, t.Id, MemberRecords.StatusName(t.Status), Text(t.Total),
                t.Currency, t.Earned, t.Burned, t.RefundedPoints, Text(t.RefundedAmount), now, t.MemberId, now);
            foreach (var (i, isNew) in rows.Lines)
            {
                Run(isNew ? _insertItem : _updateItem, rows.AccountId, t.Id, i.ProductId, i.ProductName, i.Quantity, Text(i.Price), Text(i.Subtotal), i.Accepted);
            }
        }
        if (rows.Event is { } e)
        {
            Run(_insertEvent, e.Id, e.AccountId, e.CustomerId, e.Action, e.DataJson, e.PointsDelta, UtcText.Format(e.OccurredAt), UtcText.Format(e.ProcessedAt),
                e.Source, e.RequestLogId, e.ScoreAfter, e.SpentAfter, e.PendingAfter);
        }
        if (rows.Key is { } k)
        {
            Run(_insertKey, k.WebhookId, k.Key, k.BodyHash, k.StatusCode, k.ResponseBody, k.RequestLogId, UtcText.Format(k.CreatedAt));
        }
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void Release() => _release.ExecuteNonQuery();

    public void RollbackToSavepoint()
    {
        _rollbackTo.ExecuteNonQuery();
        _release.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
        _connection.Dispose();
    }

    private void ReadTransactions(List<string[]> keys, BatchState state)
    {
        var items = new Dictionary<(string, string), List<TransactionItemRow>>();
        using (var reader = Query(_readItems, keys))
        {
            while (reader.Read())
            {
                var item = new TransactionItemRow
                {
                    AccountId = reader.GetString(7), TransactionId = reader.GetString(0), ProductId = reader.GetString(1),
                    ProductName = reader.IsDBNull(2) ? null : reader.GetString(2), Quantity = reader.IsDBNull(3) ? null : reader.GetInt64(3),
                    Price = Number(reader, 4), Subtotal = Number(reader, 5), Accepted = reader.GetBoolean(6),
                };
                (items.TryGetValue((item.AccountId, item.TransactionId), out var list) ? list : items[(item.AccountId, item.TransactionId)] = []).Add(item);
            }
        }
        using (var reader = Query(_readTransactions, keys))
        {
            while (reader.Read())
            {
                var row = new TransactionRow
                {
                    AccountId = reader.GetString(9), Id = reader.GetString(0), CustomerId = reader.GetString(1), Status = reader.GetString(2),
                    Total = Number(reader, 3) ?? 0, Currency = reader.IsDBNull(4) ? null : reader.GetString(4), Earned = reader.GetInt64(5),
                    Burned = reader.GetInt64(6), RefundedPoints = reader.GetInt64(7), RefundedAmount = Number(reader, 8) ?? 0,
                };
                state.Transactions[(row.AccountId, row.Id)] = row.ToState(items.GetValueOrDefault((row.AccountId, row.Id)) ?? []);
            }
        }
    }

    private static SqliteDataReader Query(SqliteCommand command, IEnumerable<string[]> keys)
    {
        command.Parameters[0].Value = JsonSerializer.Serialize(keys);
        return command.ExecuteReader();
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    // Decimals are stored as invariant text, as EF Core stores them (see InletDb.ConfigureConventions).
    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal? Number(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : decimal.Parse(reader.GetString(ordinal), CultureInfo.InvariantCulture);

    private SqliteCommand Insert(string table, string[] columns) =>
        Prepare($"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})",
            [.. columns.Select(c => "$" + c)]);

    /// <summary>
    /// An update of the row the first <paramref name="keys"/> columns name, setting the columns after them but the last
    /// <paramref name="kept"/> ones (CreatedAt, CustomerId), which keep their first value. It takes the same parameters as
    /// the insert of the table, so one call binds either.
    /// </summary>
    private SqliteCommand Update(string table, string[] columns, int keys, int kept) =>
        Prepare($"UPDATE {table} SET {string.Join(", ", columns[keys..^kept].Select(c => $"{c} = ${c}"))} " +
            $"WHERE {string.Join(" AND ", columns[..keys].Select(c => $"{c} = ${c}"))}", [.. columns.Select(c => "$" + c)]);

    private SqliteCommand Prepare(string sql, params string[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }
        command.Prepare();
        return command;
    }
}

