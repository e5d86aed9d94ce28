using System.Globalization;

namespace Inlet.Load.History;

/// <summary>
/// The history the benchmark seeds, in arrival order: request logs spread evenly over the last days (about 33,000 a day
/// for a million over 30), on several webhooks, with realistic bodies, headers and traces, and events. Deterministic, so
/// every run searches the same store; a few bodies carry <see cref="RareText"/>, which the "few matches" search looks for.
/// </summary>
internal sealed class HistoryRows(int logs, int events, int days, IReadOnlyList<string> webhookIds, IReadOnlyList<string> endpoints)
{
    public const string RareText = "WINTER-7Q3Z";
    public const string MissingText = "no-body-holds-this";

    /// <summary>Every this many logs one carries <see cref="RareText"/>: five in a million.</summary>
    private const int RareEvery = 200_000;

    public static readonly string[] LogColumns =
    [
        "Id", "AccountId", "WebhookId", "WebhookVersion", "ReceivedAt", "Method", "Path", "StatusCode", "DurationMicros", "HeadersJson", "Body",
        "BodyTruncated", "ResponseBody", "Outcome", "ErrorCode", "ErrorMessage", "FilterTraceJson", "MappingTraceJson", "EventId", "CustomerId", "ReplayOf",
    ];

    public static readonly string[] EventColumns =
    [
        "Id", "AccountId", "CustomerId", "Action", "DataJson", "PointsDelta", "OccurredAt", "ProcessedAt", "Source", "RequestLogId", "ScoreAfter",
        "SpentAfter", "PendingAfter",
    ];

    private readonly DateTimeOffset _end = DateTimeOffset.UtcNow.AddMinutes(-1);

    public DateTimeOffset Start => _end.AddDays(-days);

    /// <summary>The instant of log <paramref name="i"/>: spread evenly, oldest first.</summary>
    public DateTimeOffset LogTime(int i) => Start.AddTicks((long)((_end - Start).Ticks * (i / (double)logs)));

    public static string Customer(int i) => $"customer-{i * 7919 % 50_000}";

    /// <summary>A log row; <paramref name="id"/> is made from its time, as Inlet makes ids.</summary>
    public object?[] Log(int i, out string id)
    {
        var at = LogTime(i);
        id = $"req_{Guid.CreateVersion7(at):N}";
        var webhook = i % webhookIds.Count;
        var customer = Customer(i);
        var (status, outcome, error) = (i % 100) switch
        {
            < 85 => (200, "processed", null),
            < 93 => (422, "filtered_out", "filtered_out"),
            < 97 => (422, "rejected", "customer_not_found"),
            _ => (422, "invalid_event", "invalid_points"),
        };
        var coupon = i % RareEvery == RareEvery / 2 ? RareText : $"SPRING-{i % 977:D3}";
        var body = $$"""{"clientID":"{{customer}}","pointstobeadded":"{{10 + i % 90}}","reason":"order {{i}} in the spring campaign","pointadd":{{(outcome == "filtered_out" ? "false" : "true")}},"source":"shop-{{webhook}}","orderId":"ord-{{i:x8}}","email":"{{customer}}@example.com","coupon":"{{coupon}}","channel":"{{(i % 3 == 0 ? "mobile" : "web")}}"}""";
        return
        [
            id, "demo", webhookIds[webhook], 1, at, "POST", $"/webhooks/custom/demo/{endpoints[webhook]}", status, 800L + i % 4000,
            """{"content-type":"application/json","user-agent":"mParticle/2.0","x-request-id":"a1b2c3d4"}""", body, false,
            status == 200 ? """{"ok":true}""" : $$"""{"code":"{{error}}"}""", outcome, error, error is null ? null : $"seeded {error}",
            """{"expression":"body.pointadd exists","result":true,"steps":[{"path":"body.pointadd","value":true}]}""",
            $$"""{"customer":"{{customer}}","points":{{10 + i % 90}},"steps":[{"target":"customer","source":"body.clientID"},{"target":"points","source":"body.pointstobeadded"}]}""",
            null, customer, null,
        ];
    }

    /// <summary>An event; the first ones belong to processed requests, the rest came through the events API.</summary>
    public object?[] Event(int i, string? requestLogId)
    {
        var at = Start.AddTicks((long)((_end - Start).Ticks * (i / (double)events)));
        var points = 10L + i % 90;
        return
        [
            $"evt_{Guid.CreateVersion7(at):N}", "demo", Customer(i), "point_add", $$"""{"points":{{points}},"reason":"seeded"}""", points, at, at,
            requestLogId is null ? "api" : "webhook", requestLogId, points * (1 + i % 20), 0L, 0L,
        ];
    }

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
