using System.Text;
using System.Text.Json.Nodes;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Members;
using Inlet.Engine.Responses;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Events;
using Inlet.Webhooks;
using Inlet.Writer;

namespace Inlet.Ingestion;

/// <summary>
/// The whole pipeline for one request without storing anything (spec §7 dry-run, the Backoffice's Test panel): filter
/// trace, mapping trace, the event, every fault, the member's balances before → after, and the response that would go out.
/// The event is decided by the writer, against the store as it is, like a live request's; only nothing is written.
/// </summary>
internal sealed class DryRun(WebhookRegistry registry, Writer.Writer writer)
{
    private const string NotSent = "(dry run)";

    public async Task<DryRunResult> RunAsync(string accountId, WebhookDefinition definition, IReadOnlyDictionary<string, string> headers, string body)
    {
        var compiled = registry.Compile(accountId, definition);
        if (compiled.Webhook is not { } webhook)
        {
            return new DryRunResult(400, "invalid_definition", "the definition has faults: fix them first") { Errors = compiled.Errors };
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        using var document = RequestBody.Parse(bytes, isForm: false, out var parseError);
        if (document is null)
        {
            return Error(webhook, new Verdict(400, Outcomes.InvalidJson, parseError!), new DryRunResult(0, "", null));
        }
        var evaluation = Evaluation.Of(webhook, webhookId: null, NotSent, WebhookRequest.Create(document.RootElement, headers).At(definition.Method, RequestLine.PathOf(accountId, definition)), bytes,
            registry.Settings(accountId));
        var traced = new DryRunResult(0, "", null)
        {
            Transform = TransformPreview.Of(evaluation.Transform), FilterTrace = evaluation.FilterTrace, MappingTrace = evaluation.MappingTrace,
            Errors = evaluation.Errors,
        };
        if (evaluation.Event is not { Event: var ev })
        {
            return Error(webhook, evaluation.Stop!, traced);
        }
        var withEvent = traced with { Event = new EventPreview(ev.Customer, ev.Action, ev.Data) };
        return (await writer.WriteAsync(new WriteUnit(accountId) { Events = evaluation.Events, Store = false })).Written switch
        {
            Written.Registered r => withEvent with
            {
                Status = 200,
                Outcome = Outcomes.Processed,
                Before = Balances(r.Before),
                After = Balances(r.After),
                PointsDelta = r.Event.PointsDelta,
                Response = webhook.Success.Render(new ResponseValues(NotSent, ev.Customer, NotSent, EventIds: [NotSent])),
            },
            Written.Several several => withEvent with
            {
                Status = 200,
                Outcome = Outcomes.Processed,
                Events = [.. evaluation.Events.Zip(several.Each, Preview)],
                PointsDelta = several.Registrations.Sum(r => r.Event.PointsDelta),
                Response = Answers.Several(webhook).Render(new ResponseValues(NotSent, ev.Customer, NotSent, EventIds: [.. several.Registrations.Select(_ => NotSent)])),
            },
            Written.Rejected r => Error(webhook, Verdict.Rejected(r.Kind, r.Code, r.Message, r.Element), withEvent with { Before = Balances(r.Before) }),
            Written.Parked => withEvent with
            {
                Status = 202,
                Outcome = Outcomes.Parked,
                Response = Answers.Parked(NotSent, ev.Customer, NotSent).Body,
            },
            _ => Error(webhook, new Verdict(503, Outcomes.Unavailable, "the store is unavailable: try again"), withEvent),
        };
    }

    /// <summary>One of a request's several events, with what it would do.</summary>
    private static EventPreview Preview(NewEvent pending, Written written) => new(pending.Event.Customer, pending.Event.Action, pending.Event.Data)
    {
        Element = pending.Element,
        Outcome = written is Written.Parked ? Outcomes.Parked : Outcomes.Processed,
        PointsDelta = (written as Written.Registered)?.Event.PointsDelta,
        After = Balances((written as Written.Registered)?.After),
    };

    private static Balances? Balances(MemberState? member) => member is null ? null : new Balances(member.Score, member.Spent, member.Pending);

    private static DryRunResult Error(CompiledWebhook webhook, Verdict verdict, DryRunResult traced) => traced with
    {
        Status = verdict.Status,
        Outcome = verdict.Outcome,
        ErrorCode = verdict.Code ?? verdict.Outcome,
        ErrorMessage = verdict.Message,
        Response = Answers.Error(webhook, NotSent, null, verdict).Body,
    };
}

/// <summary>A transform's output (JSON, <c>null</c> when it dropped the request; none when it failed) and its duration.</summary>
internal sealed record TransformPreview(JsonNode? Output, bool Failed, double DurationMs)
{
    public static TransformPreview? Of(Engine.Transforms.TransformResult? result) => result is null ? null
        : new(result.LoggedJson is { } json ? JsonNode.Parse(json) : null, result is Engine.Transforms.TransformResult.Failed, result.Duration.TotalMilliseconds);
}

internal sealed record EventPreview(string Customer, string Action, JsonObject Data)
{
    /// <summary>Of a request's several events: the index of its body in the transform's array, and what it would do.</summary>
    public int? Element { get; init; }
    public string? Outcome { get; init; }
    public long? PointsDelta { get; init; }
    public Balances? After { get; init; }
}

/// <summary>What the pipeline would do with a request; nothing of it is stored.</summary>
internal sealed record DryRunResult(int Status, string Outcome, string? ErrorCode)
{
    public string? ErrorMessage { get; init; }
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];
    /// <summary>What the webhook's transform returned, and how long it ran, when it has one.</summary>
    public TransformPreview? Transform { get; init; }
    public IReadOnlyList<FilterTraceEntry>? FilterTrace { get; init; }
    public IReadOnlyList<MappingTraceEntry>? MappingTrace { get; init; }
    /// <summary>The event (the first, when the transform made several).</summary>
    public EventPreview? Event { get; init; }
    /// <summary>Every event, when the transform made the request several (all registered, or none).</summary>
    public IReadOnlyList<EventPreview> Events { get; init; } = [];
    public long? PointsDelta { get; init; }
    public Balances? Before { get; init; }
    public Balances? After { get; init; }
    public string? Response { get; init; }
}
