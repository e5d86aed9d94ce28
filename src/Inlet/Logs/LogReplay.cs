using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Inlet.Data;
using Inlet.Engine.Webhooks;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Webhooks;
using Inlet.Writer;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Logs;

/// <summary>
/// Runs a logged request again through its webhook's current version (spec §7), after a fix to a filter or a mapping: the
/// filter, the mapping and the registration as the pipeline does them, with a new log row that points at the original.
/// Verification is not repeated (the caller is an authenticated user, and the log keeps no secrets), and a request that
/// was already processed is refused, so a replay never registers an event twice.
/// </summary>
internal sealed class LogReplay(InletDb db, WebhookRegistry registry, Writer.Writer writer, TimeProvider clock, Microsoft.Extensions.Options.IOptions<LogOptions> logs)
{
    public async Task<ReplayResult> ReplayAsync(string accountId, string logId, CancellationToken cancellationToken)
    {
        var original = await db.RequestLogs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId && l.AccountId == accountId, cancellationToken);
        if (original is null)
        {
            return new ReplayResult.NotFound();
        }
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(original.HeadersJson)!;
        if (Refusal(original, original.WebhookId is null ? null : registry.Find(accountId, original.WebhookId), headers) is { } refused)
        {
            return refused;
        }
        // Replays of a replay count as replays of the request first received, so "once" holds across all of them.
        var firstId = FirstOf(original);
        // On PostgreSQL, replays of one request take turns from this check to their commit, on one node or several (no unique
        // index spans the log's partitions); on SQLite a unique index refuses the second of two racing replays.
        await using (await NodeLocks.TakeAsync(db, NodeLocks.Key("replay", accountId, firstId), cancellationToken))
        {
            if (await WasReplayedAsync(firstId, cancellationToken))
            {
                return AlreadyReplayed;
            }
            var (unit, row) = Unit(original, firstId, headers, store: true);
            return Result(await writer.WriteAsync(unit), row);
        }
    }

    /// <summary>
    /// What replaying <paramref name="original"/> would do now, through the same refusals, evaluation and writer decision as
    /// <see cref="ReplayAsync"/>, with nothing stored (a bulk replay's preview).
    /// </summary>
    public async Task<ReplayResult> PreviewAsync(RequestLogRow original, CancellationToken cancellationToken)
    {
        var headers = JsonSerializer.Deserialize<Dictionary<string, string>>(original.HeadersJson)!;
        if (Refusal(original, original.WebhookId is null ? null : registry.Find(original.AccountId, original.WebhookId), headers) is { } refused)
        {
            return refused;
        }
        if (await WasReplayedAsync(FirstOf(original), cancellationToken))
        {
            return AlreadyReplayed;
        }
        var (unit, _) = Unit(original, FirstOf(original), headers, store: false);
        return (await writer.WriteAsync(unit)) switch
        {
            { Written: Written.Seen } => SeenBefore,
            { Answer: { } answer, Written: var written } => new ReplayResult.Previewed(answer, written, unit.Key),
            _ => Unavailable,
        };
    }

    /// <summary>The request a replay stands for: the one first received, however many replays of replays came after it.</summary>
    public static string FirstOf(RequestLogRow log) => log.ReplayOf ?? log.Id;

    private Task<bool> WasReplayedAsync(string firstId, CancellationToken cancellationToken) =>
        // A replay that parked the event counts too: released later, it registers the event.
        db.RequestLogs.AnyAsync(l => l.ReplayOf == firstId && (l.Outcome == Outcomes.Processed || l.Outcome == Outcomes.Parked), cancellationToken);

    private static ReplayResult.Refused AlreadyReplayed { get; } =
        new(409, "already_replayed", "this request was already replayed and processed: replaying it again would register its event twice");

    private static ReplayResult.Refused SeenBefore { get; } =
        new(409, "already_processed", "the sender's retry of this request was processed already (same idempotency key)");

    private static ReplayResult.Refused Unavailable { get; } = new(503, Outcomes.Unavailable, "the store is unavailable: nothing was stored, try again");

    /// <summary>The filter and the mapping through the webhook's current version, as a unit for the writer with its new log row.</summary>
    private (WriteUnit Unit, RequestLogRow Row) Unit(RequestLogRow original, string firstId, Dictionary<string, string> headers, bool store)
    {
        var accountId = original.AccountId;
        var live = registry.Find(accountId, original.WebhookId!)!;
        var webhook = live.Compiled!;
        var started = Stopwatch.GetTimestamp();
        RequestBody.IsSupported(headers.GetValueOrDefault("content-type"), out var isForm);
        var row = new RequestLogRow
        {
            Id = Ids.New("req"), AccountId = accountId, WebhookId = live.Id, WebhookVersion = live.Version, ReceivedAt = clock.GetUtcNow(),
            Method = original.Method, Path = original.Path, HeadersJson = original.HeadersJson, Body = original.Body, Outcome = "", ReplayOf = firstId,
        };
        var body = Encoding.UTF8.GetBytes(original.Body!);
        using var document = RequestBody.Parse(body, isForm, out var parseError);
        if (document is null)
        {
            var invalid = Answers.Error(webhook, row.Id, null, new Verdict(400, Outcomes.InvalidJson, parseError!));
            return (new WriteUnit(accountId) { Log = row, Started = started, Answer = _ => invalid, Store = store }, row);
        }
        var evaluation = Evaluation.Of(webhook, live.Id, Evaluation.SourceOf(live.Id, live.Version), WebhookRequest.Create(document.RootElement, headers).At(original.Method, original.Path), body,
            registry.Settings(accountId));
        row.FilterTraceJson = TraceRedaction.FilterJson(evaluation.FilterTrace, webhook.Definition);
        row.MappingTraceJson = TraceRedaction.MappingJson(evaluation.MappingTrace, webhook.Definition);
        row.TransformedBody = Ingestion.Call.Kept(evaluation.Transform?.LoggedJson, webhook, logs.Value.MaxBodyBytes);
        row.CustomerId = evaluation.Event?.Event.Customer;
        var stop = evaluation.Stop is { } verdict ? Answers.Error(webhook, row.Id, row.CustomerId, verdict) : null;
        return (new WriteUnit(accountId)
        {
            Key = evaluation.Key,
            Events = evaluation.Events,
            Log = row,
            Started = started,
            Store = store,
            RemembersRejections = false,
            // A key seen before means the sender's retry was answered already: the replay stores nothing.
            Answer = written => written is Written.Seen ? null : Answers.To(written, webhook, row.Id, row.CustomerId, evaluation.Key, stop),
        }, row);
    }

    private static ReplayResult Result(WriteResult result, RequestLogRow row) => result switch
    {
        { Written: Written.Seen } => SeenBefore,
        { Answer: not null } => new ReplayResult.Replayed(row),
        { Written: Written.Conflict } => new ReplayResult.Refused(409, "already_replayed", "this request was replayed at the same moment by someone else"),
        _ => Unavailable,
    };

    private static ReplayResult.Refused? Refusal(RequestLogRow original, LiveWebhook? live, Dictionary<string, string> headers) => (original, live) switch
    {
        ({ Outcome: Outcomes.Processed or Outcomes.Duplicate }, _) =>
            new(409, "already_processed", "this request was processed: replaying it would register its event twice"),
        ({ Outcome: Outcomes.Parked }, _) =>
            new(409, "parked", "this request's event is parked until its member exists: it is registered then, or expires"),
        ({ Outcome: Outcomes.VerificationFailed }, _) =>
            new(409, "not_verified", "this request failed verification: it is not replayed, since a replay does not verify again"),
        (_, { Compiled: { } compiled }) when ReadsRedactedHeader(compiled.Definition.Filter, headers) =>
            new(409, "headers_not_kept", "the webhook's filter reads a header the log keeps redacted: the request cannot be replayed as it was sent"),
        ({ WebhookId: null }, _) => new(409, "no_webhook", "this request reached no webhook: there is nothing to replay it through"),
        ({ Body: null } or { BodyTruncated: true }, _) => new(409, "body_not_kept", "the log kept only part of this request's body: it cannot be replayed"),
        ({ Body: { } body }, { Compiled: { } masking }) when masking.Definition.RedactBodyPaths.Count > 0
            && body.Contains($"\"{CompiledWebhook.Redacted}\"", StringComparison.Ordinal) =>
            new(409, "body_not_kept", "the log masked part of this request's body: it cannot be replayed as it was sent"),
        (_, null or { Status: WebhookStatus.Archived }) => new(409, "webhook_archived", "the webhook of this request is archived"),
        (_, { Compiled: null }) => new(409, "webhook_invalid", "the webhook's current version does not compile: fix it first"),
        _ => null,
    };

    private static bool ReadsRedactedHeader(FilterNode? node, Dictionary<string, string> headers) => node switch
    {
        FilterGroup group => group.Conditions.Any(child => ReadsRedactedHeader(child, headers)),
        FilterCondition condition => condition.Attribute.StartsWith("headers.", StringComparison.OrdinalIgnoreCase)
            && headers.TryGetValue(condition.Attribute["headers.".Length..].ToLowerInvariant(), out var value) && value == HeaderRedaction.Redacted,
        _ => false,
    };
}

/// <summary>What replaying a logged request came to: the new log row, or why there was none.</summary>
internal abstract record ReplayResult
{
    private ReplayResult()
    {
    }

    public sealed record Replayed(RequestLogRow Log) : ReplayResult;

    public sealed record Refused(int Status, string Code, string Message) : ReplayResult;

    /// <summary>What a replay would do, nothing stored: the answer it would get, the writer's decision, and its idempotency key.</summary>
    public sealed record Previewed(Answer Answer, Written Written, IdempotencyKey? Key) : ReplayResult;

    public sealed record NotFound : ReplayResult;
}
