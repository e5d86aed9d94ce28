using System.Diagnostics;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using Inlet.Events;
using Inlet.Ingestion;
using Inlet.Logs;

namespace Inlet.Writer;

/// <summary>
/// What a request hands the writer: the idempotency key to honour first, the events to register (none, one, or several
/// registered all or nothing), and the log row to store with its answer. The writer decides, in arrival order within its
/// batch, what the unit came to.
/// </summary>
internal sealed class WriteUnit(string accountId)
{
    private readonly TaskCompletionSource<WriteResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string AccountId { get; } = accountId;

    public IdempotencyKey? Key { get; init; }

    /// <summary>The events to register, in order; several only when a transform made the request several bodies.</summary>
    public IReadOnlyList<NewEvent> Events { get; init; } = [];

    /// <summary>The request's log row, answer fields still empty; none for the Events API.</summary>
    public RequestLogRow? Log { get; init; }

    /// <summary>
    /// The caller's answer to what the writer decided. It runs on the writer, so the answer is stored with the log row and
    /// the idempotency key in the same transaction; null stores nothing for this unit.
    /// </summary>
    public Func<Written, Answer?>? Answer { get; init; }

    /// <summary>
    /// Whether a rejection is remembered under the key, as a processed answer is: yes for a sender's request, whose retries
    /// then get the same answer; no for a replay, so that the request can be replayed again once, say, its member exists.
    /// </summary>
    public bool RemembersRejections { get; init; } = true;

    /// <summary>The parked event this unit registers now that its member exists (see <see cref="Batch.Releases"/>); its row goes.</summary>
    public Parked.ParkedEventRow? Releases { get; init; }

    /// <summary>False for a dry run: the unit is decided against the store as it is, and nothing is written.</summary>
    public bool Store { get; init; } = true;

    /// <summary>When the request began, for the log row's processing time.</summary>
    public long Started { get; init; } = Stopwatch.GetTimestamp();

    public Task<WriteResult> Completion => _completion.Task;

    public void Complete(WriteResult result) => _completion.TrySetResult(result);
}

/// <summary>An event to register: the mapped event, its type, and the account settings its effects read (from the snapshot).</summary>
internal sealed record NewEvent(MappedEvent Event, EventType Type, AccountSettings Settings, string Source)
{
    /// <summary>The index of the body it came from, in the array a transform returned.</summary>
    public int? Element { get; init; }
}

/// <summary>What a unit came to, and the answer its caller gave to it (stored with the log row).</summary>
internal sealed record WriteResult(Written Written, Answer? Answer)
{
    /// <summary>Whether the unit's rows went into its batch: they are stored once the batch commits (not so for a dry run).</summary>
    public bool Stored { get; init; }
}

/// <summary>What the writer decided for one unit.</summary>
internal abstract record Written
{
    private Written()
    {
    }

    /// <summary>The events this decision registers: its one, each of several, or none.</summary>
    public IEnumerable<Registered> Registrations => this switch
    {
        Registered one => [one],
        Several several => several.Each.OfType<Registered>(),
        _ => [],
    };

    /// <summary>The event was registered (for a dry run: would be), taking the member from <see cref="Before"/> to <see cref="After"/>.</summary>
    public sealed record Registered(EventRow Event, MemberState? Before, MemberState After) : Written;

    /// <summary>
    /// A business rule refused the event (spec §6); nothing of it was stored. <see cref="Element"/>: of a request's several
    /// events, the index (in the transform's array) of the one refused: none of the request's events were stored.
    /// </summary>
    public sealed record Rejected(string Code, RejectionKind Kind, string Message, MemberState? Before) : Written
    {
        public int? Element { get; init; }
    }

    /// <summary>The request's several events, all registered (or parked) together, in order: each a <see cref="Registered"/> or a <see cref="Parked"/>.</summary>
    public sealed record Several(IReadOnlyList<Written> Each) : Written;

    /// <summary>The member does not exist yet and the account parks such events: kept until the member comes into being.</summary>
    public sealed record Parked(Inlet.Parked.ParkedEventRow Row) : Written;

    /// <summary>The unit's idempotency key was stored before, with this answer.</summary>
    public sealed record Seen(IdempotencyRow Key) : Written;

    /// <summary>Nothing to register: the answer was decided before the writer (a stop, a filtered-out or invalid request).</summary>
    public sealed record Logged : Written;

    /// <summary>A constraint of the store refused the unit's rows (a concurrent duplicate): nothing of it was stored.</summary>
    public sealed record Conflict : Written;

    /// <summary>The batch could not be committed, or the queue was full: nothing of the unit was stored; the sender should retry.</summary>
    public sealed record Unavailable : Written;

    /// <summary>Deciding the unit failed (a defect, not the store): it alone stores nothing and answers 503; the writer logs why.</summary>
    public sealed record Faulted(Exception Exception) : Written;
}
