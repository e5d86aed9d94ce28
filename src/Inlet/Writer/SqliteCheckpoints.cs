using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Inlet.Writer;

/// <summary>
/// Copies the WAL into the database without stopping the writer for long. Past <see cref="BackgroundFrom"/> pages, a
/// connection of its own copies them in the background while the writer goes on; at <see cref="WriterFrom"/> the writer
/// copies only what is left, and the WAL starts over. The first pages are left alone, so a page many batches change is
/// copied once. (SQLite's own rule makes the committing connection copy everything itself, stalling every request.)
/// </summary>
internal sealed partial class SqliteCheckpoints : IDisposable
{
    public const int BackgroundFrom = 5_000;
    public const int WriterFrom = 10_000;
    private const int Passive = 0;

    private readonly SemaphoreSlim _asked = new(0, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly Thread _thread;
    private readonly WalHook _hook;

    public SqliteCheckpoints(string connectionString, ILogger logger)
    {
        (_connectionString, _logger) = (connectionString, logger);
        _hook = OnCommit;
        _thread = new Thread(CopyWhenAsked) { IsBackground = true, Name = "Inlet checkpoints" };
        _thread.Start();
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int WalHook(IntPtr state, IntPtr db, IntPtr database, int pages);

    /// <summary>Takes over the writer connection's checkpoints (this replaces SQLite's automatic ones on it).</summary>
    public void Attach(SqliteConnection writer) =>
        NativeMethods.sqlite3_wal_hook(writer.Handle!.DangerousGetHandle(), Marshal.GetFunctionPointerForDelegate(_hook), IntPtr.Zero);

    public void Dispose()
    {
        _stopping.Cancel();
        _thread.Join();
        _stopping.Dispose();
        _asked.Dispose();
    }

    /// <summary>Runs on the writer, after each commit, with the number of pages in the WAL. Nothing may escape it: SQLite called it.</summary>
    private int OnCommit(IntPtr state, IntPtr db, IntPtr database, int pages)
    {
        if (pages >= WriterFrom)
        {
            // Busy while the background copies: the next commit tries again.
            _ = NativeMethods.sqlite3_wal_checkpoint_v2(db, IntPtr.Zero, Passive, IntPtr.Zero, IntPtr.Zero);
        }
        else if (pages >= BackgroundFrom && _asked.CurrentCount == 0)
        {
            try
            {
                _asked.Release();
            }
            catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
            {
                // Asked already (one copy covers both), or stopping.
            }
        }
        return 0;
    }

    private void CopyWhenAsked()
    {
        SqliteConnection? connection = null;
        try
        {
            while (true)
            {
                _asked.Wait(_stopping.Token);
                try
                {
                    connection ??= Open();
                    using var checkpoint = connection.CreateCommand();
                    checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                    checkpoint.ExecuteNonQuery();
                }
                catch (SqliteException e)
                {
                    // The writer copies whatever this could not, at WriterFrom pages.
                    LogFailed(e);
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        finally
        {
            connection?.Dispose();
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying the SQLite WAL in the background failed; the writer copies it at its next checkpoint")]
    private partial void LogFailed(Exception exception);

    /// <summary>The SQLite library Microsoft.Data.Sqlite loads; its .NET binding does not expose the WAL hook.</summary>
    private static class NativeMethods
    {
        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr sqlite3_wal_hook(IntPtr db, IntPtr callback, IntPtr state);

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        public static extern int sqlite3_wal_checkpoint_v2(IntPtr db, IntPtr database, int mode, IntPtr logPages, IntPtr copiedPages);
    }
}
