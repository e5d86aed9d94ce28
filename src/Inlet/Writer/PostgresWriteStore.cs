using System.Collections.Concurrent;
using Inlet.Hosting;
using Npgsql;

namespace Inlet.Writer;

/// <summary>
/// The writer's store on PostgreSQL, shared by every node. A batch is three round trips: its locks and reads, its rows, its
/// commit. Its locks are transaction-scoped advisory locks on every member, purchase and idempotency key it touches, taken in
/// one global order, so two nodes' batches for one member take turns (no lost update, no deadlock between them) and each
/// reads what the other committed. Should a key stored outside the writer still collide, the batch is run again unit by
/// unit, each in a savepoint, so only the colliding unit is refused, as on SQLite.
/// </summary>
internal sealed class PostgresWriteStore(NpgsqlDataSource dataSource) : IWriteStore, IDisposable
{
    /// <summary>
    /// The writer loops' connections between batches: kept out of the pool, whose reset on return would drop the statements
    /// they prepared. At most one per loop.
    /// </summary>
    private readonly ConcurrentBag<NpgsqlConnection> _idle = [];

    public bool WritesAlone => false;

    public async Task<IWriteBatch> BeginAsync(BatchKeys keys, bool unitByUnit, CancellationToken cancellationToken)
    {
        var connection = _idle.TryTake(out var kept) ? kept : await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var batch = new PostgresBatch(this, connection, transaction, unitByUnit);
            await ReadAsync(connection, transaction, keys, batch.State, cancellationToken);
            return batch;
        }
        catch (PostgresException e) when (Retryable(e))
        {
            await connection.DisposeAsync();
            throw Retry(e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    /// <summary>A deadlock or a serialization failure passes on a second try; so does a key stored meanwhile, tried unit by unit.</summary>
    private static bool Retryable(PostgresException e) =>
        e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.UniqueViolation;

    /// <summary>The next try of a batch that failed for a passing reason: unit by unit when a key collided.</summary>
    private static RetryBatchException Retry(PostgresException e) => new(e, unitByUnit: e.SqlState == PostgresErrorCodes.UniqueViolation);

    private static async Task ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, BatchKeys keys, BatchState state, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        long[] locks =
        [
            .. keys.Members.Select(k => NodeLocks.Key("member", k.Account, k.Id))
                .Concat(keys.Transactions.Select(k => NodeLocks.Key("transaction", k.Account, k.Id)))
                .Concat(keys.Keys.Select(k => NodeLocks.Key("key", k.WebhookId, k.Key)))
                .Distinct().Order(),
        ];
        if (locks.Length > 0)
        {
            // unnest returns the array in order, so every batch on every node takes its locks in ascending order.
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS k") { Parameters = { new() { Value = locks } } });
        }
        var reads = new List<Action<NpgsqlDataReader>>();
        if (keys.Members.Count > 0)
        {
            batch.BatchCommands.Add(Command($"""
                SELECT {BatchReads.Select("m", BatchReads.MemberColumns)} FROM unnest($1::text[], $2::text[]) AS k(a, i)
                JOIN "Members" AS m ON m."AccountId" = k.a AND m."Id" = k.i
                """, [.. keys.Members.Select(k => k.Account)], [.. keys.Members.Select(k => k.Id)]));
            reads.Add(reader => BatchReads.Members(reader, state));
        }
        if (keys.Transactions.Count > 0)
        {
            string[] accounts = [.. keys.Transactions.Select(k => k.Account)], ids = [.. keys.Transactions.Select(k => k.Id)];
            batch.BatchCommands.Add(Command($"""
                SELECT {BatchReads.Select("i", BatchReads.ItemColumns)} FROM unnest($1::text[], $2::text[]) AS k(a, t)
                JOIN "TransactionItems" AS i ON i."AccountId" = k.a AND i."TransactionId" = k.t
                """, accounts, ids));
            batch.BatchCommands.Add(Command($"""
                SELECT {BatchReads.Select("t", BatchReads.TransactionColumns)} FROM unnest($1::text[], $2::text[]) AS k(a, i)
                JOIN "Transactions" AS t ON t."AccountId" = k.a AND t."Id" = k.i
                """, accounts, ids));
            Dictionary<(string, string), List<Members.TransactionItemRow>> items = [];
            reads.Add(reader => items = BatchReads.Items(reader));
            reads.Add(reader => BatchReads.Transactions(reader, items, state));
        }
        if (keys.Once.Count > 0)
        {
            batch.BatchCommands.Add(Command("""
                SELECT k.a, k.m, k.x FROM unnest($1::text[], $2::text[], $3::text[]) AS k(a, m, x)
                WHERE EXISTS (SELECT 1 FROM "Events" AS e WHERE e."AccountId" = k.a AND e."CustomerId" = k.m AND e."Action" = k.x)
                """, [.. keys.Once.Select(k => k.Account)], [.. keys.Once.Select(k => k.Member)], [.. keys.Once.Select(k => k.Action)]));
            reads.Add(reader => BatchReads.Occurred(reader, state));
        }
        if (keys.Keys.Count > 0)
        {
            batch.BatchCommands.Add(Command($"""
                SELECT {BatchReads.Select("i", BatchReads.KeyColumns)} FROM unnest($1::text[], $2::text[]) AS k(w, k)
                JOIN "IdempotencyKeys" AS i ON i."WebhookId" = k.w AND i."Key" = k.k
                """, [.. keys.Keys.Select(k => k.WebhookId)], [.. keys.Keys.Select(k => k.Key)]));
            reads.Add(reader => BatchReads.Keys(reader, state));
        }
        if (keys.Parked.Count > 0)
        {
            batch.BatchCommands.Add(Command($"""
                SELECT {BatchReads.Select("p", BatchReads.ParkedColumns)} FROM unnest($1::text[], $2::text[]) AS k(a, c)
                JOIN "ParkedEvents" AS p ON p."AccountId" = k.a AND p."CustomerId" = k.c ORDER BY p."Id"
                """, [.. keys.Parked.Select(k => k.Account)], [.. keys.Parked.Select(k => k.Customer)]));
            reads.Add(reader => BatchReads.Parked(reader, state));
        }
        if (batch.BatchCommands.Count == 0)
        {
            return;
        }
        // Prepared once per connection (the loops keep theirs): later batches skip the parsing and planning.
        await batch.PrepareAsync(cancellationToken);
        await using var results = await batch.ExecuteReaderAsync(cancellationToken);
        if (locks.Length > 0)
        {
            await results.NextResultAsync(cancellationToken);
        }
        foreach (var read in reads)
        {
            read(results);
            await results.NextResultAsync(cancellationToken);
        }
    }

    /// <summary>A read whose keys go in as text arrays, one per key column.</summary>
    private static NpgsqlBatchCommand Command(string sql, params string[][] columns)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Array.ConvertAll(column, key => (string)PostgresRows.Storable(key)!) });
        }
        return command;
    }

    /// <summary>
    /// Rows each span's counts are spread over: a batch adds to one of them, chosen at random, so the batches of several writer
    /// loops and nodes rarely wait for one another on the rollups' rows.
    /// </summary>
    private const int StatsShards = 8;

    private sealed class PostgresBatch(PostgresWriteStore store, NpgsqlConnection connection, NpgsqlTransaction transaction, bool unitByUnit) : IWriteBatch
    {
        private readonly PostgresRows _rows = new();

        public BatchState State { get; } = new();

        public async Task<bool> TryWriteAsync(UnitRows rows, CancellationToken cancellationToken)
        {
            if (!unitByUnit)
            {
                // Written with the others at commit: the batch's locks keep other writers' rows out of its way.
                _rows.Add(rows);
                return true;
            }
            var unit = new PostgresRows();
            unit.Add(rows);
            await using var batch = unit.ToBatch(connection, transaction);
            await transaction.SaveAsync("unit", cancellationToken);
            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken);
                if (!unit.ReleasedAll)
                {
                    throw new ParkedGoneException();
                }
                await transaction.ReleaseAsync("unit", cancellationToken);
                return true;
            }
            catch (Exception e) when (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or ParkedGoneException)
            {
                await transaction.RollbackAsync("unit", cancellationToken);
                return false;
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            try
            {
                await using var batch = _rows.ToBatch(connection, transaction);
                PostgresRows.Add(batch, State.Tally, Random.Shared.Next(StatsShards));
                if (batch.BatchCommands.Count > 0)
                {
                    await batch.PrepareAsync(cancellationToken);
                    await batch.ExecuteNonQueryAsync(cancellationToken);
                    if (!_rows.ReleasedAll)
                    {
                        // A parked event was released or expired elsewhere meanwhile: unit by unit, only its unit is refused.
                        throw new RetryBatchException(new ParkedGoneException(), unitByUnit: true);
                    }
                }
                await transaction.CommitAsync(cancellationToken);
            }
            catch (PostgresException e) when (Retryable(e))
            {
                throw Retry(e);
            }
        }

        /// <summary>
        /// Keeps the connection for the next batch; a transaction not committed is rolled back first, and a connection in
        /// doubt (the rollback failed too) is closed instead.
        /// </summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                await transaction.DisposeAsync();
                if (connection.FullState == System.Data.ConnectionState.Open)
                {
                    store._idle.Add(connection);
                }
                else
                {
                    await connection.DisposeAsync();
                }
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }
}
