using Npgsql;

namespace Inlet.Writer;

/// <summary>
/// Rows for PostgreSQL, gathered from any number of units and written by one statement per table and kind:
/// <c>INSERT … SELECT FROM unnest(arrays)</c> and <c>UPDATE … FROM unnest(arrays)</c>. A member, transaction or line written by
/// several units of a batch is written once, as the last of them left it (inserted if the first of them found it new).
/// </summary>
internal sealed class PostgresRows
{
    private readonly List<object?[]> _logs = [], _events = [], _keys = [], _parked = [];
    private readonly List<string> _released = [];
    private readonly Dictionary<string, (object?[] Values, bool New)> _members = [], _transactions = [], _items = [], _outcomes = [];
    private NpgsqlBatchCommand? _release;

    public bool IsEmpty => _logs.Count + _events.Count + _keys.Count + _members.Count + _transactions.Count + _items.Count + _parked.Count + _released.Count == 0;

    /// <summary>After the batch ran: whether every parked event it released was still there (none released or expired elsewhere meanwhile).</summary>
    public bool ReleasedAll => _release is null || _release.RecordsAffected == _released.Count;

    public void Add(UnitRows rows)
    {
        if (rows.Log is { } log)
        {
            _logs.Add(WriteTables.Log(log));
        }
        if (rows.Member is { } member)
        {
            Keep(_members, WriteTables.Members, WriteTables.Member(rows.AccountId, member, rows.Now), rows.NewMember);
        }
        if (rows.Transaction is { } transaction)
        {
            Keep(_transactions, WriteTables.Transactions, WriteTables.Transaction(rows.AccountId, transaction, rows.Now), rows.NewTransaction);
            foreach (var (line, isNew) in rows.Lines)
            {
                Keep(_items, WriteTables.Items, WriteTables.Item(rows.AccountId, transaction.Id, line), isNew);
            }
        }
        if (rows.Event is { } ev)
        {
            _events.Add(WriteTables.Event(ev));
        }
        if (rows.Key is { } key)
        {
            _keys.Add(WriteTables.Key(key));
        }
        if (rows.Parked is { } parked)
        {
            _parked.Add(WriteTables.Parked(parked));
        }
        if (rows.Released is { } released)
        {
            _released.Add(released.Id);
        }
        if (rows.LogOutcome is { } outcome)
        {
            Keep(_outcomes, WriteTables.LogOutcomes, WriteTables.Outcome(outcome), isNew: false);
        }
        foreach (var more in rows.More)
        {
            Add(more);
        }
    }

    /// <summary>The statements that write every row gathered, in one batch (one round trip).</summary>
    public NpgsqlBatch ToBatch(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var batch = new NpgsqlBatch(connection, transaction);
        Insert(batch, WriteTables.Logs, _logs);
        Write(batch, WriteTables.Members, _members);
        Write(batch, WriteTables.Transactions, _transactions);
        Write(batch, WriteTables.Items, _items);
        Insert(batch, WriteTables.Events, _events);
        Insert(batch, WriteTables.Keys, _keys);
        Insert(batch, WriteTables.ParkedEvents, _parked);
        if (_released.Count > 0)
        {
            _release = new NpgsqlBatchCommand("""DELETE FROM "ParkedEvents" WHERE "Id" = ANY($1::text[])""") { Parameters = { new() { Value = _released.ToArray() } } };
            batch.BatchCommands.Add(_release);
        }
        Write(batch, WriteTables.LogOutcomes, _outcomes);
        return batch;
    }

    /// <summary>
    /// The batch's counts added to the rollups, last in the batch: their rows' locks, taken in key order, are then held only
    /// for the commit.
    /// </summary>
    public static void Add(NpgsqlBatch batch, Traffic.RequestTally tally, int shard)
    {
        if (tally.IsEmpty)
        {
            return;
        }
        AddTo(batch, WriteTables.MinuteStats, tally.Rows(TimeSpan.FromMinutes(1), shard));
        AddTo(batch, WriteTables.HourlyStats, tally.Rows(TimeSpan.FromHours(1), shard));
    }

    private static void AddTo(NpgsqlBatch batch, WriteTable table, List<object?[]> rows)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        var keys = string.Join(", ", table.Columns[..table.Keys].Select(c => $"\"{c.Name}\""));
        var add = string.Join(", ", table.Updated.Select(c => $"\"{c.Name}\" = t.\"{c.Name}\" + excluded.\"{c.Name}\""));
        batch.BatchCommands.Add(Command(
            $"INSERT INTO \"{table.Name}\" AS t ({columns}) SELECT * FROM {Unnest(table)} ON CONFLICT ({keys}) DO UPDATE SET {add}", table, rows));
    }

    private static void Keep(Dictionary<string, (object?[] Values, bool New)> rows, WriteTable table, object?[] values, bool isNew)
    {
        var key = string.Join('\0', values[..table.Keys]);
        rows[key] = (values, rows.TryGetValue(key, out var first) ? first.New : isNew);
    }

    private static void Write(NpgsqlBatch batch, WriteTable table, Dictionary<string, (object?[] Values, bool New)> rows)
    {
        Insert(batch, table, [.. rows.Values.Where(row => row.New).Select(row => row.Values)]);
        var updated = rows.Values.Where(row => !row.New).Select(row => row.Values).ToList();
        if (updated.Count > 0)
        {
            var set = string.Join(", ", table.Updated.Select(c => $"\"{c.Name}\" = u.\"{c.Name}\""));
            var where = string.Join(" AND ", table.Columns[..table.Keys].Select(c => $"t.\"{c.Name}\" = u.\"{c.Name}\""));
            batch.BatchCommands.Add(Command($"UPDATE \"{table.Name}\" AS t SET {set} FROM {Unnest(table)} WHERE {where}", table, updated));
        }
    }

    private static void Insert(NpgsqlBatch batch, WriteTable table, List<object?[]> rows)
    {
        if (rows.Count > 0)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
            batch.BatchCommands.Add(Command($"INSERT INTO \"{table.Name}\" ({columns}) SELECT * FROM {Unnest(table)}", table, rows));
        }
    }

    /// <summary>The rows as a table: one array parameter per column, unnested side by side.</summary>
    private static string Unnest(WriteTable table) =>
        $"unnest({string.Join(", ", table.Columns.Select((c, i) => $"${i + 1}::{TypeName(c.Type)}[]"))}) " +
        $"AS u({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))})";

    private static NpgsqlBatchCommand Command(string sql, WriteTable table, List<object?[]> rows)
    {
        var command = new NpgsqlBatchCommand(sql);
        for (var column = 0; column < table.Columns.Length; column++)
        {
            var values = Array.CreateInstance(table.Columns[column].Type, rows.Count);
            for (var row = 0; row < rows.Count; row++)
            {
                values.SetValue(Storable(rows[row][column]), row);
            }
            command.Parameters.Add(new NpgsqlParameter { Value = values });
        }
        return command;
    }

    /// <summary>
    /// A value as PostgreSQL takes it: instants in UTC (timestamptz), and text without NUL, which no text column can hold
    /// (a raw body may carry one); it becomes U+FFFD, as undecodable bytes already do in the log.
    /// </summary>
    public static object? Storable(object? value) => value switch
    {
        DateTimeOffset instant => instant.ToUniversalTime(),
        string text when text.Contains('\0', StringComparison.Ordinal) => text.Replace('\0', '\uFFFD'),
        _ => value,
    };

    private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "text",
        var t when t == typeof(int) => "integer",
        var t when t == typeof(long) => "bigint",
        var t when t == typeof(bool) => "boolean",
        var t when t == typeof(decimal) => "numeric",
        var t when t == typeof(DateTimeOffset) => "timestamptz",
        _ => throw new NotSupportedException($"no PostgreSQL type for {type}"),
    };
}
