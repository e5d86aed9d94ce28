using Inlet.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Inlet.Writer;

/// <summary>
/// The writer's store on SQLite (WAL, synchronous=FULL: a commit is on disk when it returns). One connection, opened on the
/// first batch and kept; after a failed batch it is closed, so the next batch starts on a fresh one.
/// </summary>
internal sealed class SqliteWriteStore(IOptions<StoreOptions> options, ILogger<SqliteCheckpoints> logger) : IWriteStore, IDisposable
{
    private readonly SqliteCheckpoints _checkpoints = new(options.Value.ConnectionString, logger);
    private SqliteStatements? _statements;

    public bool WritesAlone => true;

    /// <summary>Every unit is written at once in its own savepoint: SQLite does that in memory, for next to nothing.</summary>
    public Task<IWriteBatch> BeginAsync(BatchKeys keys, bool unitByUnit, CancellationToken cancellationToken)
    {
        try
        {
            _statements ??= new SqliteStatements(options.Value.ConnectionString, _checkpoints);
            var batch = new SqliteBatch(this, _statements, _statements.Begin());
            _statements.Read(keys, batch.State);
            return Task.FromResult<IWriteBatch>(batch);
        }
        catch
        {
            Close();
            throw;
        }
    }

    public void Dispose()
    {
        Close();
        _checkpoints.Dispose();
    }

    private void Close()
    {
        var statements = _statements;
        _statements = null;
        statements?.Dispose();
    }

    private sealed class SqliteBatch(SqliteWriteStore store, SqliteStatements statements, SqliteTransaction transaction) : IWriteBatch
    {
        private bool _committed;

        public BatchState State { get; } = new();

        public Task<bool> TryWriteAsync(UnitRows rows, CancellationToken cancellationToken)
        {
            statements.Savepoint();
            try
            {
                statements.Write(rows);
                statements.Release();
                return Task.FromResult(true);
            }
            catch (Exception e) when (e is SqliteException { SqliteErrorCode: 19 } or ParkedGoneException)
            {
                // SQLITE_CONSTRAINT, or a parked event gone: this unit's rows go, the batch's others stay.
                statements.RollbackToSavepoint();
                return Task.FromResult(false);
            }
        }

        public Task CommitAsync(CancellationToken cancellationToken)
        {
            statements.Finish(State);
            transaction.Commit();
            _committed = true;
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (_committed)
            {
                transaction.Dispose();
            }
            else
            {
                // Closing the connection rolls the transaction back, whatever state the failure left it in.
                store.Close();
            }
            return ValueTask.CompletedTask;
        }
    }
}
