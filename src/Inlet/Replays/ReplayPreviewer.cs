using System.Text.Json.Nodes;
using Inlet.Data;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Logs;
using Inlet.Writer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Replays;

/// <summary>
/// Makes a bulk replay's preview: every logged request the filter finds, in arrival order, run through its webhook's current
/// version by <see cref="LogReplay.PreviewAsync"/> with nothing stored. Each request is decided against the store as it is,
/// independently of the others: two requests for one member do not see each other's effects, and the points total is the
/// sum of their deltas (so a point_sub that the other requests would make possible can show as still failing).
/// </summary>
internal sealed class ReplayPreviewer(InletDb db, LogReplay replay, TimeProvider clock, IOptions<ReplayOptions> options)
{
    private const int Page = 200;

    /// <summary>The stored replay, or null when the filter finds more than <see cref="ReplayOptions.MaxRequests"/> requests.</summary>
    public async Task<ReplayRow?> PreviewAsync(string accountId, ReplayFilter sent, LogFilter filter, CancellationToken cancellationToken)
    {
        var matching = filter.Apply(db, accountId);
        if (await matching.Take(options.Value.MaxRequests + 1).CountAsync(cancellationToken) > options.Value.MaxRequests)
        {
            return null;
        }
        var id = Ids.New("rpl");
        var classifier = new Classifier(replay, id);
        for (var after = ""; ;)
        {
            // Pages by id, oldest first: ids are time-ordered, so this is arrival order, and no page holds every body at once.
            var page = await matching.Where(l => string.Compare(l.Id, after) > 0).OrderBy(l => l.Id).Take(Page).ToListAsync(cancellationToken);
            foreach (var log in page)
            {
                db.ReplayItems.Add(await classifier.ClassifyAsync(log, cancellationToken));
            }
            if (page.Count < Page)
            {
                break;
            }
            after = page[^1].Id;
        }
        var items = classifier.Items;
        var row = new ReplayRow
        {
            Id = id, AccountId = accountId, FilterJson = sent.ToJson(), Status = ReplayStatus.Previewed,
            CreatedAt = clock.GetUtcNow(), Requests = items.Count,
            NewlyProcessed = items.Count(i => i.NewOutcome == Outcomes.Processed),
            Duplicates = items.Count(i => i.NewOutcome == ReplayOutcomes.Duplicate),
            StillFailing = items.Count(i => i.NewOutcome is not (Outcomes.Processed or ReplayOutcomes.Duplicate)),
            Points = items.Sum(i => i.Points ?? 0),
        };
        db.Replays.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Decides each request's item, remembering what earlier ones of the same replay would register.</summary>
    private sealed class Classifier(LogReplay replay, string replayId)
    {
        private readonly HashSet<string> _requests = [];
        private readonly HashSet<(string, string)> _keys = [];

        public List<ReplayItemRow> Items { get; } = [];

        public async Task<ReplayItemRow> ClassifyAsync(RequestLogRow log, CancellationToken cancellationToken)
        {
            var item = _requests.Add(LogReplay.FirstOf(log))
                ? Item(log, await replay.PreviewAsync(log, cancellationToken))
                : Item(log, ReplayOutcomes.Duplicate, "same_request", "an earlier request of this replay replays the same request");
            Items.Add(item);
            return item;
        }

        private ReplayItemRow Item(RequestLogRow log, ReplayResult result) => result switch
        {
            ReplayResult.Previewed { Written: Written.Registered or Written.Several, Key: var key } when key is not null && !_keys.Add((key.WebhookId, key.Value)) =>
                Item(log, ReplayOutcomes.Duplicate, "same_idempotency_key", "an earlier request of this replay has the same idempotency key"),
            ReplayResult.Previewed { Written: Written.Registered r } => Processed(log, Event(r.Event), r.Event.PointsDelta),
            // A request the transform makes several events: all of them, as a JSON array.
            ReplayResult.Previewed { Written: Written.Several s } =>
                Processed(log, new JsonArray([.. s.Registrations.Select(r => Event(r.Event))]), s.Registrations.Sum(r => r.Event.PointsDelta)),
            ReplayResult.Previewed p => Item(log, p.Answer.Outcome, p.Answer.ErrorCode ?? p.Answer.Outcome, p.Answer.ErrorMessage ?? ""),
            ReplayResult.Refused { Code: "already_processed" or "already_replayed" } r => Item(log, ReplayOutcomes.Duplicate, r.Code, r.Message),
            ReplayResult.Refused r => Item(log, r.Status == StatusCodes.Status503ServiceUnavailable ? Outcomes.Unavailable : ReplayOutcomes.NotReplayable, r.Code, r.Message),
            _ => Item(log, ReplayOutcomes.NotReplayable, "not_found", "the request's log is gone"),
        };

        private ReplayItemRow Processed(RequestLogRow log, JsonNode events, long points) => new()
        {
            ReplayId = replayId, Position = Items.Count, LogId = log.Id, OriginalOutcome = log.Outcome, NewOutcome = Outcomes.Processed,
            EventJson = events.ToJsonString(), Points = points,
        };

        private static JsonObject Event(Events.EventRow row) =>
            new() { ["customer"] = row.CustomerId, ["action"] = row.Action, ["data"] = JsonNode.Parse(row.DataJson) };

        private ReplayItemRow Item(RequestLogRow log, string outcome, string code, string message) => new()
        {
            ReplayId = replayId, Position = Items.Count, LogId = log.Id, OriginalOutcome = log.Outcome, NewOutcome = outcome,
            ReasonCode = code, ReasonMessage = message,
        };
    }
}
