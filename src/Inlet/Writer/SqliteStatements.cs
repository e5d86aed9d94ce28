using System.Globalization;
using System.Text.Json;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.Data.Sqlite;

namespace Inlet.Writer;

/// <summary>
/// The writer's SQL on SQLite: its own connection, kept open, every statement prepared once and reused. A batch reads each
/// kind of row in one statement, whatever the number of keys (they go in as one JSON array, walked by <c>json_each</c>).
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand[] _all;
    private readonly SqliteCommand _readMembers, _readTransactions, _readItems, _readOccurred, _readKeys, _readParked;
    private readonly SqliteCommand _insertLog, _insertEvent, _insertKey, _insertParked, _deleteParked, _updateLogOutcome;
    private readonly SqliteCommand _insertMember, _updateMember, _insertTransaction, _updateTransaction, _insertItem, _updateItem;
    private readonly SqliteCommand _savepoint, _release, _rollbackTo, _addHourly, _addMinute, _indexLogs;

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
                pragmas.CommandText = SqliteStore.Pragmas + " PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16384;";
                pragmas.ExecuteNonQuery();
            }
            _readMembers = Prepare($"""
                SELECT {BatchReads.Select("m", BatchReads.MemberColumns)}
                FROM json_each($keys) AS k CROSS JOIN Members AS m
                WHERE m.AccountId = json_extract(k.value, '$[0]') AND m.Id = json_extract(k.value, '$[1]')
                """, "$keys");
            _readTransactions = Prepare($"""
                SELECT {BatchReads.Select("t", BatchReads.TransactionColumns)}
                FROM json_each($keys) AS k CROSS JOIN Transactions AS t
                WHERE t.AccountId = json_extract(k.value, '$[0]') AND t.Id = json_extract(k.value, '$[1]')
                """, "$keys");
            _readItems = Prepare($"""
                SELECT {BatchReads.Select("i", BatchReads.ItemColumns)}
                FROM json_each($keys) AS k CROSS JOIN TransactionItems AS i
                WHERE i.AccountId = json_extract(k.value, '$[0]') AND i.TransactionId = json_extract(k.value, '$[1]')
                """, "$keys");
            _readOccurred = Prepare("""
                SELECT json_extract(k.value, '$[0]'), json_extract(k.value, '$[1]'), json_extract(k.value, '$[2]')
                FROM json_each($keys) AS k
                WHERE EXISTS (SELECT 1 FROM Events AS e WHERE e.AccountId = json_extract(k.value, '$[0]')
                    AND e.CustomerId = json_extract(k.value, '$[1]') AND e.Action = json_extract(k.value, '$[2]'))
                """, "$keys");
            _readKeys = Prepare($"""
                SELECT {BatchReads.Select("i", BatchReads.KeyColumns)}
                FROM json_each($keys) AS k CROSS JOIN IdempotencyKeys AS i
                WHERE i.WebhookId = json_extract(k.value, '$[0]') AND i.Key = json_extract(k.value, '$[1]')
                """, "$keys");
            _readParked = Prepare($"""
                SELECT {BatchReads.Select("p", BatchReads.ParkedColumns)}
                FROM json_each($keys) AS k CROSS JOIN ParkedEvents AS p
                WHERE p.AccountId = json_extract(k.value, '$[0]') AND p.CustomerId = json_extract(k.value, '$[1]')
                ORDER BY p.Id
                """, "$keys");
            _insertParked = Insert(WriteTables.ParkedEvents);
            _deleteParked = Prepare("DELETE FROM ParkedEvents WHERE Id = $Id", "$Id");
            _updateLogOutcome = Update(WriteTables.LogOutcomes);
            _insertLog = Insert(WriteTables.Logs);
            _insertEvent = Insert(WriteTables.Events);
            _insertMember = Insert(WriteTables.Members);
            _updateMember = Update(WriteTables.Members);
            _insertTransaction = Insert(WriteTables.Transactions);
            _updateTransaction = Update(WriteTables.Transactions);
            _insertItem = Insert(WriteTables.Items);
            _updateItem = Update(WriteTables.Items);
            _insertKey = Insert(WriteTables.Keys);
            _addHourly = AddTo(WriteTables.HourlyStats);
            _addMinute = AddTo(WriteTables.MinuteStats);
            _indexLogs = Prepare("""
                INSERT INTO RequestLogsText(rowid, Body)
                SELECT rowid, Body FROM RequestLogs WHERE Id IN (SELECT value FROM json_each($ids))
                """, "$ids");
            _savepoint = Prepare("SAVEPOINT unit");
            _release = Prepare("RELEASE unit");
            _rollbackTo = Prepare("ROLLBACK TO unit");
            _all = [_readMembers, _readTransactions, _readItems, _readOccurred, _readKeys, _readParked, _insertParked, _deleteParked, _updateLogOutcome,
                _insertLog, _insertEvent, _insertKey, _insertMember,
                _updateMember, _insertTransaction, _updateTransaction, _insertItem, _updateItem, _savepoint, _release, _rollbackTo,
                _addHourly, _addMinute, _indexLogs];
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
            BatchReads.Members(reader, state);
        }
        if (keys.Transactions.Count > 0)
        {
            var transactions = keys.Transactions.Select(k => new[] { k.Account, k.Id }).ToList();
            using var items = Query(_readItems, transactions);
            var lines = BatchReads.Items(items);
            using var reader = Query(_readTransactions, transactions);
            BatchReads.Transactions(reader, lines, state);
        }
        if (keys.Once.Count > 0)
        {
            using var reader = Query(_readOccurred, keys.Once.Select(k => new[] { k.Account, k.Member, k.Action }));
            BatchReads.Occurred(reader, state);
        }
        if (keys.Keys.Count > 0)
        {
            using var reader = Query(_readKeys, keys.Keys.Select(k => new[] { k.WebhookId, k.Key }));
            BatchReads.Keys(reader, state);
        }
        if (keys.Parked.Count > 0)
        {
            using var reader = Query(_readParked, keys.Parked.Select(k => new[] { k.Account, k.Customer }));
            BatchReads.Parked(reader, state);
        }
    }

    public void Write(UnitRows rows)
    {
        if (rows.Log is { } log)
        {
            Run(_insertLog, WriteTables.Log(log));
        }
        if (rows.Member is { } member)
        {
            Run(rows.NewMember ? _insertMember : _updateMember, WriteTables.Member(rows.AccountId, member, rows.Now));
        }
        if (rows.Transaction is { } transaction)
        {
            Run(rows.NewTransaction ? _insertTransaction : _updateTransaction, WriteTables.Transaction(rows.AccountId, transaction, rows.Now));
            foreach (var (line, isNew) in rows.Lines)
            {
                Run(isNew ? _insertItem : _updateItem, WriteTables.Item(rows.AccountId, transaction.Id, line));
            }
        }
        if (rows.Event is { } ev)
        {
            Run(_insertEvent, WriteTables.Event(ev));
        }
        if (rows.Key is { } key)
        {
            Run(_insertKey, WriteTables.Key(key));
        }
        if (rows.Parked is { } parked)
        {
            Run(_insertParked, WriteTables.Parked(parked));
        }
        if (rows.Released is { } released && Run(_deleteParked, [released.Id]) == 0)
        {
            throw new ParkedGoneException();
        }
        if (rows.LogOutcome is { } outcome)
        {
            Run(_updateLogOutcome, WriteTables.Outcome(outcome));
        }
        foreach (var more in rows.More)
        {
            Write(more);
        }
    }

    /// <summary>
    /// The batch's end, outside every unit's savepoint: its log rows go into the body-text index in one statement (FTS5
    /// writes its pending entries out at every savepoint, so a trigger per row cost a segment per request), and its counts
    /// into the rollups (a few rows, once per batch).
    /// </summary>
    public void Finish(BatchState state)
    {
        if (state.Logged.Count > 0)
        {
            _indexLogs.Parameters[0].Value = JsonSerializer.Serialize(state.Logged);
            _indexLogs.ExecuteNonQuery();
        }
        var tally = state.Tally;
        foreach (var row in tally.Rows(TimeSpan.FromMinutes(1), shard: 0))
        {
            Run(_addMinute, row);
        }
        foreach (var row in tally.Rows(TimeSpan.FromHours(1), shard: 0))
        {
            Run(_addHourly, row);
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

    private static SqliteDataReader Query(SqliteCommand command, IEnumerable<string[]> keys)
    {
        command.Parameters[0].Value = JsonSerializer.Serialize(keys);
        return command.ExecuteReader();
    }

    private static int Run(SqliteCommand command, object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Stored(values[i]);
        }
        return command.ExecuteNonQuery();
    }

    /// <summary>Instants and decimals are stored as text, as EF Core stores them (see <see cref="SqliteInletDb"/>).</summary>
    private static object Stored(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset instant => UtcText.Format(instant),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        _ => value,
    };

    private SqliteCommand Insert(WriteTable table) =>
        Prepare($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select(c => "$" + c.Name))})", Parameters(table));

    /// <summary>An insert that adds its counts to the row already there, if any (the rollups).</summary>
    private SqliteCommand AddTo(WriteTable table) =>
        Prepare($"INSERT INTO {table.Name} ({string.Join(", ", table.Columns.Select(c => c.Name))}) " +
            $"VALUES ({string.Join(", ", table.Columns.Select(c => "$" + c.Name))}) " +
            $"ON CONFLICT ({string.Join(", ", table.Columns[..table.Keys].Select(c => c.Name))}) " +
            $"DO UPDATE SET {string.Join(", ", table.Updated.Select(c => $"{c.Name} = {c.Name} + excluded.{c.Name}"))}", Parameters(table));

    /// <summary>An update of the row the table's key columns name. It takes the same parameters as the insert, so one call binds either.</summary>
    private SqliteCommand Update(WriteTable table) =>
        Prepare($"UPDATE {table.Name} SET {string.Join(", ", table.Updated.Select(c => $"{c.Name} = ${c.Name}"))} " +
            $"WHERE {string.Join(" AND ", table.Columns[..table.Keys].Select(c => $"{c.Name} = ${c.Name}"))}", Parameters(table));

    private static string[] Parameters(WriteTable table) => [.. table.Columns.Select(c => "$" + c.Name)];

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

