using System.Data.Common;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using Inlet.Hosting;
using Inlet.Members;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Events;

/// <summary>
/// Registers one event (spec §6, pipeline step 11): loads what its effects read, applies them, and stores the event,
/// the member, the transaction and whatever the caller adds (its log row) in one database transaction. Webhooks and the
/// Events API both come through here. The caller answers only after this returns, so a 2xx means durably stored.
/// </summary>
internal sealed partial class EventRegistrar(InletDb db, WriteGate gate, TimeProvider clock, ILogger<EventRegistrar> logger)
{
    public async Task<Registration> RegisterAsync(string accountId, MappedEvent ev, EventType type, string source, string? requestLogId,
        Func<Registration, IEnumerable<object>> alsoStore, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var registration = await ApplyAsync(accountId, ev, type, source, requestLogId, cancellationToken);
            foreach (var row in alsoStore(registration))
            {
                db.Add(row);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return registration;
        }
        catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 19 })
        {
            // A key stored by a concurrent request in the meantime (an idempotency key, a transaction id): nothing was stored.
            db.ChangeTracker.Clear();
            return new Registration.Conflict();
        }
        catch (Exception e) when (e is DbException or DbUpdateException && e is not DbUpdateConcurrencyException)
        {
            LogStoreFailure(e, accountId, ev.Action);
            db.ChangeTracker.Clear();
            return new Registration.Unavailable();
        }
    }

    /// <summary>What the event would do, without storing anything: for dry runs.</summary>
    public async Task<(MemberState? Before, EffectResult Result)> PreviewAsync(string accountId, MappedEvent ev, EventType type, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(accountId, ev, type, cancellationToken);
        db.ChangeTracker.Clear();
        return (loaded.Context.Member, EventEffects.Apply(ev, type, loaded.Context, loaded.Settings));
    }

    private sealed record Loaded(AccountSettings Settings, EffectContext Context, MemberRow? Member, TransactionRow? Transaction, List<TransactionItemRow> Items);

    /// <summary>Reads what the event's effects depend on: the account's settings, the member, the named transaction and its lines.</summary>
    private async Task<Loaded> LoadAsync(string accountId, MappedEvent ev, EventType type, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking().SingleAsync(a => a.Id == accountId, cancellationToken);
        var settings = JsonSerializer.Deserialize<AccountSettings>(account.SettingsJson, EngineJson.Options)!;
        var memberRow = await db.Members.FindAsync([accountId, ev.Customer], cancellationToken);
        // Open types (opt_in, profile) keep undeclared attributes as sent, so a transaction_id there may be any JSON.
        var transactionId = ev.Data["transaction_id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var transactionRow = transactionId is null ? null : await db.Transactions.FindAsync([accountId, transactionId], cancellationToken);
        var itemRows = transactionRow is null
            ? []
            : await db.TransactionItems.Where(i => i.AccountId == accountId && i.TransactionId == transactionId).ToListAsync(cancellationToken);
        var once = type.Once && await db.Events.AnyAsync(
            e => e.AccountId == accountId && e.CustomerId == ev.Customer && e.Action == type.Name, cancellationToken);
        var context = new EffectContext(memberRow?.ToState(), transactionRow?.ToState(itemRows), once);
        return new Loaded(settings, context, memberRow, transactionRow, itemRows);
    }

    private async Task<Registration> ApplyAsync(string accountId, MappedEvent ev, EventType type, string source, string? requestLogId,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (settings, context, memberRow, transactionRow, itemRows) = await LoadAsync(accountId, ev, type, cancellationToken);
        var result = EventEffects.Apply(ev, type, context, settings);
        if (result is EffectResult.Rejected rejected)
        {
            return new Registration.Rejected(rejected.Code, rejected.Kind, rejected.Message);
        }
        var applied = (EffectResult.Applied)result;
        if (memberRow is null)
        {
            memberRow = new MemberRow { AccountId = accountId, Id = ev.Customer, Status = "active", CreatedAt = now };
            db.Members.Add(memberRow);
        }
        memberRow.CopyFrom(applied.Member, now);
        if (applied.Transaction is { } state)
        {
            StoreTransaction(accountId, state, transactionRow, itemRows, now);
        }
        var row = new EventRow
        {
            Id = Ids.New("evt"),
            AccountId = accountId,
            CustomerId = ev.Customer,
            Action = ev.Action,
            DataJson = ev.Data.ToJsonString(),
            PointsDelta = applied.PointsDelta,
            OccurredAt = ev.Data["effective_timestamp"] is { } at ? DateTimeOffset.Parse(at.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : now,
            ProcessedAt = now,
            Source = source,
            RequestLogId = requestLogId,
            ScoreAfter = applied.Member.Score,
            SpentAfter = applied.Member.Spent,
            PendingAfter = applied.Member.Pending,
        };
        db.Events.Add(row);
        return new Registration.Registered(row, applied.Member);
    }

    private void StoreTransaction(string accountId, TransactionState state, TransactionRow? row, List<TransactionItemRow> itemRows, DateTimeOffset now)
    {
        if (row is null)
        {
            row = new TransactionRow { AccountId = accountId, Id = state.Id, CustomerId = state.MemberId, Status = "", CreatedAt = now };
            db.Transactions.Add(row);
        }
        row.CopyFrom(state, now);
        foreach (var item in state.Items)
        {
            var itemRow = itemRows.Find(i => i.ProductId == item.ProductId);
            if (itemRow is null)
            {
                itemRow = new TransactionItemRow { AccountId = accountId, TransactionId = state.Id, ProductId = item.ProductId };
                itemRows.Add(itemRow);
                db.TransactionItems.Add(itemRow);
            }
            itemRow.CopyFrom(item);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The store failed while registering a {Action} event for account {AccountId}")]
    private partial void LogStoreFailure(Exception exception, string accountId, string action);
}

/// <summary>What registering an event came to.</summary>
internal abstract record Registration
{
    private Registration()
    {
    }

    public sealed record Registered(EventRow Event, MemberState Member) : Registration;

    public sealed record Rejected(string Code, RejectionKind Kind, string Message) : Registration;

    /// <summary>The store could not commit: nothing was stored, the sender should retry.</summary>
    public sealed record Unavailable : Registration;

    /// <summary>A concurrent request stored the same key first: nothing was stored by this one.</summary>
    public sealed record Conflict : Registration;
}
