using System.Text;
using System.Text.Json.Nodes;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Members;
using Inlet.Engine.Responses;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Events;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.Extensions.Options;

namespace Inlet.Ingestion;

/// <summary>
/// The whole pipeline for one request without storing anything (spec §7 dry-run, the Backoffice's Test panel): filter
/// trace, mapping trace, the event, every fault, the member's balances before → after, and the response that would go out.
/// </summary>
internal sealed class DryRun(WebhookRegistry registry, EventRegistrar registrar, IOptions<IngestionOptions> options)
{
    public async Task<DryRunResult> RunAsync(string accountId, WebhookDefinition definition, IReadOnlyDictionary<string, string> headers, string body,
        CancellationToken cancellationToken)
    {
        var compiled = WebhookCompiler.Compile(definition, registry.Catalog(accountId), TimeSpan.FromMilliseconds(options.Value.RegexTimeoutMilliseconds));
        if (compiled.Webhook is not { } webhook)
        {
            return new DryRunResult(400, "invalid_definition", "the definition has faults: fix them first") { Errors = compiled.Errors };
        }
        using var document = RequestBody.Parse(Encoding.UTF8.GetBytes(body), isForm: false, out var parseError);
        if (document is null)
        {
            return Error(webhook, new Verdict(400, Outcomes.InvalidJson, parseError!));
        }
        var evaluation = webhook.Evaluate(WebhookRequest.Create(document.RootElement, headers), trace: true);
        var traced = new DryRunResult(0, "", null) { FilterTrace = evaluation.FilterTrace, MappingTrace = evaluation.MappingTrace };
        if (evaluation.Verdict == WebhookVerdict.FilteredOut)
        {
            return Error(webhook, Verdict.FilteredOut(definition), traced);
        }
        if (evaluation.Mapping.Event is not { } ev)
        {
            return Error(webhook, Verdict.InvalidEvent(evaluation.Mapping.Errors), traced) with { Errors = evaluation.Mapping.Errors };
        }
        var (before, effect) = await registrar.PreviewAsync(accountId, ev, webhook.EventType, cancellationToken);
        var withEvent = traced with { Event = new EventPreview(ev.Customer, ev.Action, ev.Data), Before = Balances(before) };
        return effect switch
        {
            EffectResult.Applied applied => withEvent with
            {
                Status = 200,
                Outcome = Outcomes.Processed,
                After = Balances(applied.Member),
                PointsDelta = applied.PointsDelta,
                Response = webhook.Success.Render(new ResponseValues("(dry run)", ev.Customer, "(dry run)")),
            },
            EffectResult.Rejected rejected => Error(webhook, Verdict.Rejected(rejected.Kind, rejected.Code, rejected.Message), withEvent),
            _ => throw new InvalidOperationException("an effect either applies or is rejected"),
        };
    }

    private static Balances? Balances(MemberState? member) => member is null ? null : new Balances(member.Score, member.Spent, member.Pending);

    private static DryRunResult Error(CompiledWebhook webhook, Verdict verdict, DryRunResult? traced = null) =>
        (traced ?? new DryRunResult(0, "", null)) with
        {
            Status = verdict.Status,
            Outcome = verdict.Outcome,
            ErrorCode = verdict.Code ?? verdict.Outcome,
            ErrorMessage = verdict.Message,
            Response = webhook.Error.Render(new ResponseValues(RequestId: "(dry run)", ErrorCode: verdict.Code ?? verdict.Outcome, ErrorMessage: verdict.Message)),
        };
}

internal sealed record EventPreview(string Customer, string Action, JsonObject Data);

/// <summary>What the pipeline would do with a request; nothing of it is stored.</summary>
internal sealed record DryRunResult(int Status, string Outcome, string? ErrorCode)
{
    public string? ErrorMessage { get; init; }
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];
    public IReadOnlyList<FilterTraceEntry>? FilterTrace { get; init; }
    public IReadOnlyList<MappingTraceEntry>? MappingTrace { get; init; }
    public EventPreview? Event { get; init; }
    public long? PointsDelta { get; init; }
    public Balances? Before { get; init; }
    public Balances? After { get; init; }
    public string? Response { get; init; }
}
