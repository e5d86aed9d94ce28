using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Members;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Writer;

namespace Inlet.Ingestion;

/// <summary>
/// Steps 8–10 of the pipeline for a parsed request: filter, idempotency key, mapping. Live requests, replays and dry runs all
/// come through here and hand the result to the writer; they differ only in where the request comes from and whether
/// anything is stored.
/// </summary>
internal sealed record Evaluation(Verdict? Stop, NewEvent? Event, IdempotencyKey? Key,
    IReadOnlyList<FilterTraceEntry>? FilterTrace, IReadOnlyList<MappingTraceEntry>? MappingTrace)
{
    /// <summary>The mapping's faults, when the request stops as an invalid event.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>
    /// <paramref name="webhookId"/> is null for an unsaved definition (a dry run), which has no idempotency keys; the key is
    /// read only from a request that passed the filter (step 9 comes after step 8).
    /// </summary>
    public static Evaluation Of(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, byte[] body, AccountSettings settings)
    {
        var evaluation = webhook.Evaluate(request, trace: true);
        if (evaluation.Verdict == WebhookVerdict.FilteredOut)
        {
            return new Evaluation(Verdict.FilteredOut(webhook.Definition), null, null, evaluation.FilterTrace, null);
        }
        var key = webhookId is null ? null : Idempotency.KeyOf(webhookId, webhook, request, body);
        return evaluation.Mapping.Event is { } ev
            ? new Evaluation(null, new NewEvent(ev, webhook.EventType, settings, source), key, evaluation.FilterTrace, evaluation.MappingTrace)
            : new Evaluation(Verdict.InvalidEvent(evaluation.Mapping.Errors), null, key, evaluation.FilterTrace, evaluation.MappingTrace)
            {
                Errors = evaluation.Mapping.Errors,
            };
    }

    /// <summary>What events registered by a webhook version record as their source.</summary>
    public static string SourceOf(string webhookId, int version) => $"webhook:{webhookId}@v{version}";
}
