using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Members;
using Inlet.Engine.Validation;
using Inlet.Engine.Transforms;
using Inlet.Engine.Webhooks;
using Inlet.Logs;
using Inlet.Writer;

namespace Inlet.Ingestion;

/// <summary>
/// Steps 8–10 of the pipeline for a parsed request: the transform (when the webhook has one), filter, idempotency key, mapping. Live requests, replays and dry runs all
/// come through here and hand the result to the writer; they differ only in where the request comes from and whether
/// anything is stored.
/// </summary>
internal sealed record Evaluation(Verdict? Stop, NewEvent? Event, IdempotencyKey? Key,
    IReadOnlyList<FilterTraceEntry>? FilterTrace, IReadOnlyList<MappingTraceEntry>? MappingTrace)
{
    /// <summary>What the webhook's transform made of the request, when it has one.</summary>
    public TransformResult? Transform { get; init; }

    /// <summary>The mapping's faults, when the request stops as an invalid event.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>
    /// <paramref name="webhookId"/> is null for an unsaved definition (a dry run), which has no idempotency keys; the key is
    /// read only from a request that passed the filter (step 9 comes after step 8).
    /// </summary>
    public static Evaluation Of(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, byte[] body, AccountSettings settings)
    {
        TransformResult? transform = null;
        if (webhook.Transform is { } script)
        {
            // The transform sees the headers as the log keeps them: a secret never reaches a user's code.
            transform = script.Run(TransformInput.Of(request, HeaderRedaction.Redact(request.Headers, webhook.Definition)));
            switch (transform)
            {
                case TransformResult.Body transformed:
                    request = request with { Body = transformed.Value };
                    break;
                case TransformResult.Dropped:
                    return new Evaluation(Verdict.Dropped(), null, null, null, null) { Transform = transform };
                case TransformResult.Failed failed:
                    return new Evaluation(Verdict.TransformFailed(failed.Describe()), null, null, null, null) { Transform = transform };
                default:
                    return new Evaluation(Verdict.TransformFailed(
                        "the transform returned an array: one request becoming several events is not supported yet; return one body"), null, null, null, null)
                    {
                        Transform = transform,
                    };
            }
        }
        return Evaluate(webhook, webhookId, source, request, body, settings) with { Transform = transform };
    }

    private static Evaluation Evaluate(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, byte[] body, AccountSettings settings)
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
