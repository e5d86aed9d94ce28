using System.Text.Json.Nodes;
using Inlet.Engine.Members;
using Inlet.Logs;

namespace Inlet.Writer;

/// <summary>
/// What a batch's units read — members, transactions with their lines, once-checks, idempotency keys — loaded once for the
/// whole batch, then kept up to date by the batch itself as each unit's rows are written, so two units for one member see
/// each other's effects, in order.
/// </summary>
internal sealed class BatchState
{
    public Dictionary<(string Account, string Id), MemberState> Members { get; } = [];

    public Dictionary<(string Account, string Id), TransactionState> Transactions { get; } = [];

    /// <summary>(account, member, action) of the once-only custom events that already occurred.</summary>
    public HashSet<(string Account, string Member, string Action)> Occurred { get; } = [];

    public Dictionary<(string WebhookId, string Key), IdempotencyRow> Keys { get; } = [];

    /// <summary>The events parked for (account, customer), in arrival order: read for the units of accounts that park.</summary>
    public Dictionary<(string Account, string Customer), List<Parked.ParkedEventRow>> Parked { get; } = [];

    /// <summary>The requests the batch logged, counted for the rollups written at its commit.</summary>
    public Traffic.RequestTally Tally { get; } = new();

    /// <summary>The ids of the log rows the batch wrote, for SQLite's body-text index, filled at its commit (<see cref="SqliteStatements.Finish"/>).</summary>
    public List<string> Logged { get; } = [];

    /// <summary>Adds an event parked for its customer, after the ones parked before it.</summary>
    public void Park(Parked.ParkedEventRow parked)
    {
        var key = (parked.AccountId, parked.CustomerId);
        (Parked.TryGetValue(key, out var list) ? list : Parked[key] = []).Add(parked);
    }

    public MemberState? Member(string account, string id) => Members.GetValueOrDefault((account, id));

    public TransactionState? Transaction(string account, string? id) => id is null ? null : Transactions.GetValueOrDefault((account, id));

    /// <summary>After a unit's rows are written: what later units of the batch must see.</summary>
    public void Apply(UnitRows rows)
    {
        if (rows.Log is { } log)
        {
            Logged.Add(log.Id);
            if (log.WebhookId is { } webhookId)
            {
                Tally.Add(rows.AccountId, webhookId, log.ReceivedAt, log.Outcome, log.StatusCode, rows.PointsDelta);
            }
        }
        if (rows.Member is { } member)
        {
            Members[(rows.AccountId, member.Id)] = member;
        }
        if (rows.Transaction is { } transaction)
        {
            Transactions[(rows.AccountId, transaction.Id)] = transaction;
        }
        if (rows.Event is { } ev)
        {
            Occurred.Add((rows.AccountId, ev.CustomerId, ev.Action));
        }
        if (rows.Key is { } key)
        {
            Keys[(key.WebhookId, key.Key)] = key;
        }
        if (rows.Parked is { } parked)
        {
            Park(parked);
        }
        if (rows.Released is { } released)
        {
            Parked.GetValueOrDefault((released.AccountId, released.CustomerId))?.RemoveAll(p => p.Id == released.Id);
        }
        foreach (var more in rows.More)
        {
            Apply(more);
        }
    }

    /// <summary>
    /// A copy of what the given keys read, for deciding a request's several events one after the other without touching
    /// the batch's state until all of them are written.
    /// </summary>
    public BatchState Scratch(BatchKeys keys)
    {
        var scratch = new BatchState();
        foreach (var key in keys.Members.Where(Members.ContainsKey))
        {
            scratch.Members[key] = Members[key];
        }
        foreach (var key in keys.Transactions.Where(Transactions.ContainsKey))
        {
            scratch.Transactions[key] = Transactions[key];
        }
        scratch.Occurred.UnionWith(keys.Once.Where(Occurred.Contains));
        foreach (var key in keys.Parked.Where(Parked.ContainsKey))
        {
            scratch.Parked[key] = [.. Parked[key]];
        }
        return scratch;
    }

    /// <summary>The transaction an event names; open types (opt_in, profile) keep undeclared attributes as sent, so it may be any JSON.</summary>
    public static string? TransactionId(JsonObject data) =>
        data["transaction_id"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>The keys of what a batch's units read, collected before the batch reads them in one go per kind.</summary>
internal sealed class BatchKeys
{
    public HashSet<(string Account, string Id)> Members { get; } = [];

    public HashSet<(string Account, string Id)> Transactions { get; } = [];

    public HashSet<(string Account, string Member, string Action)> Once { get; } = [];

    public HashSet<(string WebhookId, string Key)> Keys { get; } = [];

    /// <summary>(account, customer) of the units whose account parks events for unknown members.</summary>
    public HashSet<(string Account, string Customer)> Parked { get; } = [];

    public static BatchKeys Of(IEnumerable<WriteUnit> units)
    {
        var keys = new BatchKeys();
        foreach (var unit in units)
        {
            if (unit.Key is { } key)
            {
                keys.Keys.Add((key.WebhookId, key.Value));
            }
            foreach (var (ev, type, settings, _) in unit.Events)
            {
                keys.Members.Add((unit.AccountId, ev.Customer));
                if (settings.UnknownCustomer == Engine.Members.UnknownCustomerPolicy.Park)
                {
                    keys.Parked.Add((unit.AccountId, ev.Customer));
                }
                if (BatchState.TransactionId(ev.Data) is { } transaction)
                {
                    keys.Transactions.Add((unit.AccountId, transaction));
                }
                if (type.Once)
                {
                    keys.Once.Add((unit.AccountId, ev.Customer, type.Name));
                }
            }
        }
        return keys;
    }
}
