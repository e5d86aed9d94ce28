using System.Globalization;
using System.Text.Json.Nodes;
using Inlet.Engine.Members;
using Inlet.Events;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Logs;
using Inlet.Parked;

namespace Inlet.Writer;

/// <summary>
/// One unit of a batch, in arrival order: its idempotency key first, then its event's effects (the engine's pure functions)
/// over the batch's state, then its caller's answer; its rows go in a savepoint of their own, and only once they are
/// written does the batch's state take them in.
/// </summary>
internal static class Batch
{
    public static async Task<WriteResult> ApplyAsync(IWriteBatch batch, WriteUnit unit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Written written;
        UnitRows rows;
        Answer? answer;
        try
        {
            (written, rows) = Decide(batch.State, unit, now);
            answer = unit.Answer?.Invoke(written);
            if (unit.Releases is { } parked)
            {
                rows = rows with { Released = parked, LogOutcome = Released(parked, written) };
            }
        }
        catch (Exception e)
        {
            // Nothing is written yet: a unit that cannot be decided fails alone, not its whole batch.
            return new WriteResult(new Written.Faulted(e), null);
        }
        if (!unit.Store || (unit.Answer is not null && answer is null))
        {
            return new WriteResult(written, answer);
        }
        rows = WithAnswer(rows, unit, answer);
        if (!rows.IsEmpty && !await batch.TryWriteAsync(rows, cancellationToken))
        {
            return new WriteResult(new Written.Conflict(), null);
        }
        batch.State.Apply(rows);
        return new WriteResult(written, answer) { Stored = true };
    }

    private static (Written, UnitRows) Decide(BatchState state, WriteUnit unit, DateTimeOffset now)
    {
        var rows = new UnitRows(unit.AccountId, now);
        if (unit.Key is { } key && state.Keys.TryGetValue((key.WebhookId, key.Value), out var seen))
        {
            return (new Written.Seen(seen), rows);
        }
        return unit.Events.Count switch
        {
            0 => (new Written.Logged(), rows),
            1 => Decide(state, unit, unit.Events[0], rows, now),
            _ => DecideSeveral(state, unit, rows, now),
        };
    }

    /// <summary>
    /// A request's several events, all or nothing: each decided in order over a scratch copy of what they read, so each sees
    /// the ones before it; the first one refused refuses them all. The batch's state takes them in only once all are written.
    /// </summary>
    private static (Written, UnitRows) DecideSeveral(BatchState state, WriteUnit unit, UnitRows rows, DateTimeOffset now)
    {
        var scratch = state.Scratch(BatchKeys.Of([unit]));
        var (each, more) = (new List<Written>(unit.Events.Count), new List<UnitRows>(unit.Events.Count));
        foreach (var pending in unit.Events)
        {
            var (written, eventRows) = Decide(scratch, unit, pending, new UnitRows(unit.AccountId, now), now);
            if (written is Written.Rejected rejected)
            {
                return (rejected with { Element = pending.Element }, rows);
            }
            scratch.Apply(eventRows);
            each.Add(written);
            more.Add(eventRows);
        }
        return (new Written.Several(each), rows with { More = more });
    }

    private static (Written, UnitRows) Decide(BatchState state, WriteUnit unit, NewEvent pending, UnitRows rows, DateTimeOffset now)
    {
        var (ev, type) = (pending.Event, pending.Type);
        var before = state.Member(unit.AccountId, ev.Customer);
        // Read before parking: an event whose time cannot be read fails now, with its request, not later when released.
        var occurredAt = OccurredAt(ev.Data) ?? unit.Releases?.ParkedAt ?? now;
        if (before is null && pending.Settings.Parks(ev.Action))
        {
            var parked = new ParkedEventRow
            {
                Id = Ids.New("pe"), AccountId = unit.AccountId, CustomerId = ev.Customer, Action = ev.Action, DataJson = ev.Data.ToJsonString(),
                // One of several events is released on its own later: its request's log row, which answered for all of them, keeps its outcome.
                Source = pending.Source, RequestLogId = unit.Events.Count == 1 ? unit.Log?.Id : null, BuiltIn = type.BuiltIn, Points = type.Points, Once = type.Once, ParkedAt = now,
            };
            return (new Written.Parked(parked), rows with { Parked = parked });
        }
        var transaction = state.Transaction(unit.AccountId, BatchState.TransactionId(ev.Data));
        var once = type.Once && state.Occurred.Contains((unit.AccountId, ev.Customer, type.Name));
        var result = EventEffects.Apply(ev, type, new EffectContext(before, transaction, once), pending.Settings);
        if (result is EffectResult.Rejected rejected)
        {
            return (new Written.Rejected(rejected.Code, rejected.Kind, rejected.Message, before), rows);
        }
        var applied = (EffectResult.Applied)result;
        var row = new EventRow
        {
            Id = Ids.New("evt"),
            AccountId = unit.AccountId,
            CustomerId = ev.Customer,
            Action = ev.Action,
            DataJson = ev.Data.ToJsonString(),
            PointsDelta = applied.PointsDelta,
            OccurredAt = occurredAt,
            ProcessedAt = now,
            Source = pending.Source,
            RequestLogId = unit.Log?.Id ?? unit.Releases?.RequestLogId,
            ScoreAfter = applied.Member.Score,
            SpentAfter = applied.Member.Spent,
            PendingAfter = applied.Member.Pending,
        };
        return (new Written.Registered(row, before, applied.Member), rows with
        {
            Event = row,
            Member = applied.Member,
            NewMember = before is null,
            Transaction = applied.Transaction,
            NewTransaction = transaction is null,
            Lines = applied.Transaction is { } after ? Lines(transaction, after) : [],
        });
    }

    /// <summary>
    /// The events parked for a member that the unit just brought into being, as units to register now, in arrival order, in
    /// the same batch (so in the same transaction as the enrolment); none otherwise.
    /// </summary>
    public static IEnumerable<WriteUnit> Releases(BatchState state, WriteUnit unit, WriteResult result)
    {
        if (result is not { Stored: true, Written: Written.Registered { Before: null } or Written.Several } || unit.Events is not [{ Settings: var settings }, ..])
        {
            return [];
        }
        return [.. result.Written.Registrations.Where(registered => registered.Before is null).SelectMany(registered => state.Parked.GetValueOrDefault((unit.AccountId, registered.Event.CustomerId)) ?? [])
            .Select(p => new WriteUnit(unit.AccountId) { Events = [new NewEvent(p.Event, p.Type, settings, p.Source)], Releases = p })];
    }

    /// <summary>The final outcome of a released event's request, for its log row.</summary>
    private static LogOutcome? Released(ParkedEventRow parked, Written written) => parked.RequestLogId is not { } logId ? null : written switch
    {
        Written.Registered r => new LogOutcome(parked.AccountId, logId, Outcomes.Processed, null, null, r.Event.Id),
        Written.Rejected r => new LogOutcome(parked.AccountId, logId, Outcomes.Rejected, r.Code, r.Message, null),
        _ => null,
    };

    /// <summary>The lines added or changed; one per product, as the store keys them.</summary>
    private static List<(LineItem, bool)> Lines(TransactionState? before, TransactionState after) =>
        [.. after.Items.GroupBy(line => line.ProductId).Select(product => product.Last())
            .Select(line => (Line: line, Before: before?.Items.LastOrDefault(old => old.ProductId == line.ProductId)))
            .Where(change => change.Before != change.Line)
            .Select(change => (change.Line, change.Before is null))];

    /// <summary>The log row with its answer, and the key that remembers a final answer (processed, parked or rejected; others are worth retrying).</summary>
    private static UnitRows WithAnswer(UnitRows rows, WriteUnit unit, Answer? answer)
    {
        if (answer is null)
        {
            return rows;
        }
        if (unit.Log is { } log)
        {
            log.StatusCode = answer.Status;
            log.Outcome = answer.Outcome;
            log.ErrorCode = answer.ErrorCode;
            log.ErrorMessage = answer.ErrorMessage;
            log.ResponseBody = answer.Body;
            log.EventId = answer.EventId;
            log.DurationMicros = (long)System.Diagnostics.Stopwatch.GetElapsedTime(unit.Started).TotalMicroseconds;
            rows = rows with { Log = log };
        }
        if (unit.Key is { } key && (answer.Outcome is Outcomes.Processed or Outcomes.Parked || (answer.Outcome == Outcomes.Rejected && unit.RemembersRejections)))
        {
            rows = rows with
            {
                Key = new IdempotencyRow
                {
                    WebhookId = key.WebhookId, Key = key.Value, BodyHash = key.BodyHash, StatusCode = answer.Status, ResponseBody = answer.Body,
                    RequestLogId = unit.Log?.Id ?? unit.Releases?.RequestLogId, CreatedAt = rows.Now,
                },
            };
        }
        return rows;
    }

    private static DateTimeOffset? OccurredAt(JsonObject data) =>
        data["effective_timestamp"] is { } at ? DateTimeOffset.Parse(at.GetValue<string>(), CultureInfo.InvariantCulture) : null;
}
