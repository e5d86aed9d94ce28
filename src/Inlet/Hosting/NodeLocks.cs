using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Hosting;

/// <summary>
/// Work that one node at a time does over a shared PostgreSQL store (migrations, pruning, replaying one logged request),
/// behind a session advisory lock held on the context's connection. On SQLite there is one node: the lock is always granted.
/// </summary>
internal static class NodeLocks
{
    /// <summary>Initializing the store: migrations, bootstrap, the first Data Protection key.</summary>
    public const long Initialization = 0x1AE7_0001;

    /// <summary>Pruning logs and idempotency keys.</summary>
    public const long Pruning = 0x1AE7_0002;

    /// <summary>Changing the request log's partitions (taken for one transaction, by <see cref="Logs.LogPartitions"/>).</summary>
    public const long LogPartitions = 0x1AE7_0003;

    /// <summary>Evaluating the alert rules.</summary>
    public const long AlertEvaluation = 0x1AE7_0004;

    /// <summary>Sending the alert notifications the evaluations queued.</summary>
    public const long AlertDelivery = 0x1AE7_0005;

    /// <summary>
    /// The lock of one thing of a kind (a member, a purchase, an idempotency key, a replayed request), the same on every node;
    /// hashed over 64 bits, so it meets the constant keys above as rarely as two things meet each other.
    /// </summary>
    public static long Key(string kind, string scope, string id) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\0{scope}\0{id}")));

    /// <summary>Waits for the lock.</summary>
    public static async Task<IAsyncDisposable> TakeAsync(InletDb db, long key, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return Held.None;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({key})", cancellationToken);
        return new Held(db, key);
    }

    /// <summary>The lock, or null at once when another node holds it.</summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(InletDb db, long key, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return Held.None;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        var taken = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").SingleAsync(cancellationToken);
        return taken ? new Held(db, key) : null;
    }

    private sealed class Held(InletDb? db, long key) : IAsyncDisposable
    {
        public static Held None { get; } = new(null, 0);

        public async ValueTask DisposeAsync()
        {
            if (db is not null)
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
