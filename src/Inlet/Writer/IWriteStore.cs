using Inlet.Engine.Members;
using Inlet.Events;
using Inlet.Logs;

namespace Inlet.Writer;

/// <summary>
/// The store as the writer sees it: one transaction per batch, its reads done once for the batch, each unit's rows
/// written in a savepoint of their own. SQLite implements it now; PostgreSQL is the second implementation.
/// </summary>
internal interface IWriteStore
{
    /// <summary>
    /// True when the store takes one writer at a time (SQLite): the node writes one batch at a time, inside the write gate.
    /// False when the database orders concurrent writers itself (PostgreSQL): the node writes several batches at once.
    /// </summary>
    bool WritesAlone { get; }

    /// <summary>
    /// Begins the batch's transaction and reads what its units need. <paramref name="unitByUnit"/>: write each unit at once
    /// in a savepoint of its own (a retry after a key collided), rather than all of them together at commit, where a store
    /// can.
    /// </summary>
    Task<IWriteBatch> BeginAsync(BatchKeys keys, bool unitByUnit, CancellationToken cancellationToken);
}

/// <summary>One batch's open transaction. Disposing it without <see cref="CommitAsync"/> rolls everything back.</summary>
internal interface IWriteBatch : IAsyncDisposable
{
    BatchState State { get; }

    /// <summary>
    /// Writes one unit's rows inside its own savepoint. False when a constraint refused them (a key stored concurrently):
    /// the unit's rows are rolled back, the batch's others stay. Any other failure throws, and fails the whole batch.
    /// </summary>
    Task<bool> TryWriteAsync(UnitRows rows, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}

/// <summary>
/// The rows one unit writes: its log row, and when it registered an event, the event, the member as it is now, the
/// transaction and the lines it added or changed; and the idempotency key that remembers its answer. What is new is
/// inserted, never upserted, so the store's primary keys still refuse a member, a purchase or a line stored meanwhile.
/// </summary>
internal sealed record UnitRows(string AccountId, DateTimeOffset Now)
{
    public RequestLogRow? Log { get; init; }
    public EventRow? Event { get; init; }
    public MemberState? Member { get; init; }
    public bool NewMember { get; init; }
    public TransactionState? Transaction { get; init; }
    public bool NewTransaction { get; init; }
    public IReadOnlyList<(LineItem Line, bool New)> Lines { get; init; } = [];
    public IdempotencyRow? Key { get; init; }

    /// <summary>An event parked for an unknown member, to insert.</summary>
    public Parked.ParkedEventRow? Parked { get; init; }

    /// <summary>A parked event registered (or refused) now: its row goes, and the log row of its request gets its final outcome.</summary>
    public Parked.ParkedEventRow? Released { get; init; }

    public LogOutcome? LogOutcome { get; init; }

    /// <summary>The rows of each of a request's several events, written after these, in the same savepoint: all or nothing.</summary>
    public IReadOnlyList<UnitRows> More { get; init; } = [];

    /// <summary>The points the unit's events added (or took, when negative).</summary>
    public long PointsDelta => (Event?.PointsDelta ?? 0) + More.Sum(rows => rows.PointsDelta);

    public bool IsEmpty => Log is null && Event is null && Key is null && Parked is null && Released is null && More.Count == 0;
}

/// <summary>The final outcome of a logged request decided after its answer: a parked event released, or expired.</summary>
internal sealed record LogOutcome(string AccountId, string LogId, string Outcome, string? ErrorCode, string? ErrorMessage, string? EventId);

/// <summary>A parked event the unit releases was gone (released or expired elsewhere meanwhile): the unit's rows go.</summary>
internal sealed class ParkedGoneException() : Exception("the parked event was released or expired meanwhile");

/// <summary>
/// A batch failed for a reason a second try does not meet (a deadlock, a key stored meanwhile): nothing of it is stored,
/// and the writer runs it again from its reads.
/// </summary>
internal sealed class RetryBatchException(Exception inner, bool unitByUnit) : Exception("the batch is worth another try", inner)
{
    /// <summary>Whether the next try writes unit by unit, so that only the unit whose key collided is refused.</summary>
    public bool UnitByUnit { get; } = unitByUnit;
}
