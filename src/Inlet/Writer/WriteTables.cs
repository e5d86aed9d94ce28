using Inlet.Engine.Members;
using Inlet.Events;
using Inlet.Logs;
using Inlet.Members;

namespace Inlet.Writer;

/// <summary>A column the writer writes, with the .NET type of its values (each store maps it to its own column type).</summary>
internal sealed record WriteColumn(string Name, Type Type);

/// <summary>
/// A table the writer writes: its columns, keys first; <see cref="Kept"/> trailing columns (CreatedAt, CustomerId) keep their
/// first value when the row is updated.
/// </summary>
internal sealed record WriteTable(string Name, WriteColumn[] Columns, int Keys = 0, int Kept = 0)
{
    public IEnumerable<WriteColumn> Updated => Columns[Keys..^Kept];
}

/// <summary>The tables the writer writes and the values of a unit's rows, in column order, for every store alike.</summary>
internal static class WriteTables
{
    public static readonly WriteTable Logs = new("RequestLogs",
    [
        Text("Id"), Text("AccountId"), Text("WebhookId"), new("WebhookVersion", typeof(int?)), Instant("ReceivedAt"), Text("Method"), Text("Path"),
        new("StatusCode", typeof(int)), Long("DurationMicros"), Text("HeadersJson"), Text("Body"), new("BodyTruncated", typeof(bool)), Text("ResponseBody"),
        Text("Outcome"), Text("ErrorCode"), Text("ErrorMessage"), Text("FilterTraceJson"), Text("MappingTraceJson"), Text("EventId"), Text("CustomerId"),
        Text("ReplayOf"), Text("TransformedBody"),
    ]);

    public static readonly WriteTable Events = new("Events",
    [
        Text("Id"), Text("AccountId"), Text("CustomerId"), Text("Action"), Text("DataJson"), Long("PointsDelta"), Instant("OccurredAt"),
        Instant("ProcessedAt"), Text("Source"), Text("RequestLogId"), Long("ScoreAfter"), Long("SpentAfter"), Long("PendingAfter"),
    ]);

    public static readonly WriteTable Members = new("Members",
    [
        Text("AccountId"), Text("Id"), Text("Status"), Text("ProfileJson"), Text("LabelsJson"), Long("Score"), Long("Spent"), Long("Pending"),
        Instant("UpdatedAt"), Instant("CreatedAt"),
    ], Keys: 2, Kept: 1);

    public static readonly WriteTable Transactions = new("Transactions",
    [
        Text("AccountId"), Text("Id"), Text("Status"), Number("Total"), Text("Currency"), Long("Earned"), Long("Burned"), Long("RefundedPoints"),
        Number("RefundedAmount"), Instant("UpdatedAt"), Text("CustomerId"), Instant("CreatedAt"),
    ], Keys: 2, Kept: 2);

    public static readonly WriteTable Items = new("TransactionItems",
    [
        Text("AccountId"), Text("TransactionId"), Text("ProductId"), Text("ProductName"), new("Quantity", typeof(long?)), new("Price", typeof(decimal?)),
        new("Subtotal", typeof(decimal?)), new("Accepted", typeof(bool)),
    ], Keys: 3);

    public static readonly WriteTable Keys = new("IdempotencyKeys",
    [
        Text("WebhookId"), Text("Key"), Text("BodyHash"), new("StatusCode", typeof(int)), Text("ResponseBody"), Text("RequestLogId"), Instant("CreatedAt"),
    ]);

    public static readonly WriteTable ParkedEvents = new("ParkedEvents",
    [
        Text("Id"), Text("AccountId"), Text("CustomerId"), Text("Action"), Text("DataJson"), Text("Source"), Text("RequestLogId"),
        new("BuiltIn", typeof(bool)), new("Points", typeof(long?)), new("Once", typeof(bool)), Instant("ParkedAt"),
    ]);

    /// <summary>The columns of a log row that change after its answer (a parked event released or expired), keyed by account and id.</summary>
    public static readonly WriteTable LogOutcomes = new("RequestLogs",
        [Text("AccountId"), Text("Id"), Text("Outcome"), Text("ErrorCode"), Text("ErrorMessage"), Text("EventId")], Keys: 2);

    /// <summary>The rollups of the requests logged, per hour and per minute (<see cref="Traffic.RequestStatsRow"/>): added to, never overwritten.</summary>
    public static readonly WriteTable HourlyStats = Stats("HourlyRequestStats"), MinuteStats = Stats("MinuteRequestStats");

    public static object?[] Parked(Parked.ParkedEventRow p) =>
        [p.Id, p.AccountId, p.CustomerId, p.Action, p.DataJson, p.Source, p.RequestLogId, p.BuiltIn, p.Points, p.Once, p.ParkedAt];

    public static object?[] Outcome(LogOutcome o) => [o.AccountId, o.LogId, o.Outcome, o.ErrorCode, o.ErrorMessage, o.EventId];

    public static object?[] Log(RequestLogRow l) =>
    [
        l.Id, l.AccountId, l.WebhookId, l.WebhookVersion, l.ReceivedAt, l.Method, l.Path, l.StatusCode, l.DurationMicros, l.HeadersJson, l.Body,
        l.BodyTruncated, l.ResponseBody, l.Outcome, l.ErrorCode, l.ErrorMessage, l.FilterTraceJson, l.MappingTraceJson, l.EventId, l.CustomerId, l.ReplayOf,
        l.TransformedBody,
    ];

    public static object?[] Event(EventRow e) =>
    [
        e.Id, e.AccountId, e.CustomerId, e.Action, e.DataJson, e.PointsDelta, e.OccurredAt, e.ProcessedAt, e.Source, e.RequestLogId, e.ScoreAfter,
        e.SpentAfter, e.PendingAfter,
    ];

    public static object?[] Member(string accountId, MemberState m, DateTimeOffset now)
    {
        var row = new MemberRow { AccountId = accountId, Id = m.Id, Status = "" };
        row.CopyFrom(m, now);
        return [accountId, m.Id, row.Status, row.ProfileJson, row.LabelsJson, m.Score, m.Spent, m.Pending, now, now];
    }

    public static object?[] Transaction(string accountId, TransactionState t, DateTimeOffset now) =>
    [
        accountId, t.Id, MemberRecords.StatusName(t.Status), t.Total, t.Currency, t.Earned, t.Burned, t.RefundedPoints, t.RefundedAmount, now,
        t.MemberId, now,
    ];

    public static object?[] Item(string accountId, string transactionId, LineItem i) =>
        [accountId, transactionId, i.ProductId, i.ProductName, i.Quantity, i.Price, i.Subtotal, i.Accepted];

    public static object?[] Key(IdempotencyRow k) => [k.WebhookId, k.Key, k.BodyHash, k.StatusCode, k.ResponseBody, k.RequestLogId, k.CreatedAt];

    private static WriteTable Stats(string name) => new(name,
    [
        Text("AccountId"), Text("WebhookId"), Instant("Start"), Text("Outcome"), new("Shard", typeof(int)), Long("Requests"), Long("Failures"),
        Long("PointsAdded"), Long("PointsSubtracted"),
    ], Keys: 5);

    private static WriteColumn Text(string name) => new(name, typeof(string));

    private static WriteColumn Long(string name) => new(name, typeof(long));

    private static WriteColumn Number(string name) => new(name, typeof(decimal));

    private static WriteColumn Instant(string name) => new(name, typeof(DateTimeOffset));
}
