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
/// anything is stored. A transform that returns an array makes one request several events, registered all or nothing.
/// </summary>
internal sealed record Evaluation(Verdict? Stop, IReadOnlyList<NewEvent> Events, IdempotencyKey? Key,
    IReadOnlyList<FilterTraceEntry>? FilterTrace, IReadOnlyList<MappingTraceEntry>? MappingTrace)
{
    /// <summary>What the webhook's transform made of the request, when it has one.</summary>
    public TransformResult? Transform { get; init; }

    /// <summary>The mapping's faults, when the request stops as an invalid event.</summary>
    public IReadOnlyList<ValidationError> Errors { get; init; } = [];

    /// <summary>The request's event, or the first of its events.</summary>
    public NewEvent? Event => Events.Count > 0 ? Events[0] : null;

    /// <summary>
    /// <paramref name="webhookId"/> is null for an unsaved definition (a dry run), which has no idempotency keys; the key is
    /// read only from a request that passed the filter (step 9 comes after step 8).
    /// </summary>
    public static Evaluation Of(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, byte[] body, AccountSettings settings)
    {
        if (webhook.Transform is not { } script)
        {
            return Evaluate(webhook, webhookId, source, request, body, settings);
        }
        // The transform sees the headers as the log keeps them: a secret never reaches a user's code.
        var transform = script.Run(TransformInput.Of(request, HeaderRedaction.Redact(request.Headers, webhook.Definition)));
        return (transform switch
        {
            TransformResult.Body transformed => Evaluate(webhook, webhookId, source, request with { Body = transformed.Value }, body, settings),
            TransformResult.Many many => Several(webhook, webhookId, source, request, many.Values, body, settings),
            TransformResult.Failed failed => Stopped(Verdict.TransformFailed(failed.Describe())),
            _ => Stopped(Verdict.Dropped()),
        }) with { Transform = transform };
    }

    private static Evaluation Evaluate(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, byte[] body, AccountSettings settings)
    {
        var evaluation = webhook.Evaluate(request, trace: true);
        if (evaluation.Verdict == WebhookVerdict.FilteredOut)
        {
            return new Evaluation(Verdict.FilteredOut(webhook.Definition), [], null, evaluation.FilterTrace, null);
        }
        var key = webhookId is null ? null : Idempotency.KeyOf(webhookId, webhook, request, body);
        return evaluation.Mapping.Event is { } ev
            ? new Evaluation(null, [new NewEvent(ev, webhook.Mapping.TypeOf(ev), settings, source)], key, evaluation.FilterTrace, evaluation.MappingTrace)
            : new Evaluation(Verdict.InvalidEvent(evaluation.Mapping.Errors), [], key, evaluation.FilterTrace, evaluation.MappingTrace)
            {
                Errors = evaluation.Mapping.Errors,
            };
    }

    /// <summary>
    /// Each body of the transform's array through the filter and the mapping on its own. The bodies that pass become the
    /// request's events; one that passes and cannot be mapped stops the whole request, naming its index. The traces hold
    /// every body's entries, each marked with its index. The idempotency key covers the whole request: it is read from the
    /// request as received.
    /// </summary>
    private static Evaluation Several(CompiledWebhook webhook, string? webhookId, string source, WebhookRequest request, IReadOnlyList<System.Text.Json.JsonElement> bodies,
        byte[] body, AccountSettings settings)
    {
        if (bodies.Count == 0)
        {
            return Stopped(Verdict.Dropped());
        }
        var (events, filterTrace, mappingTrace) = (new List<NewEvent>(bodies.Count), new List<FilterTraceEntry>(), new List<MappingTraceEntry>());
        for (var i = 0; i < bodies.Count; i++)
        {
            var evaluation = webhook.Evaluate(request with { Body = bodies[i] }, trace: true);
            filterTrace.AddRange(evaluation.FilterTrace!.Select(entry => entry with { Note = entry.Note is null ? $"element {i}" : $"element {i}: {entry.Note}" }));
            mappingTrace.AddRange(evaluation.MappingTrace?.Select(entry => entry with { To = $"[{i}] {entry.To}" }) ?? []);
            if (evaluation.Verdict == WebhookVerdict.FilteredOut)
            {
                continue;
            }
            if (evaluation.Mapping.Event is not { } ev)
            {
                return new Evaluation(Verdict.InvalidEvent(evaluation.Mapping.Errors, element: i), [], null, filterTrace, mappingTrace)
                {
                    Errors = [.. evaluation.Mapping.Errors.Select(error => error with { Field = $"[{i}].{error.Field}" })],
                };
            }
            events.Add(new NewEvent(ev, webhook.Mapping.TypeOf(ev), settings, source) { Element = i });
        }
        if (events.Count == 0)
        {
            return new Evaluation(Verdict.FilteredOut(webhook.Definition), [], null, filterTrace, mappingTrace);
        }
        var key = webhookId is null ? null : Idempotency.KeyOf(webhookId, webhook, request, body);
        return new Evaluation(null, events, key, filterTrace, mappingTrace);
    }

    private static Evaluation Stopped(Verdict verdict) => new(verdict, [], null, null, null);

    /// <summary>What events registered by a webhook version record as their source.</summary>
    public static string SourceOf(string webhookId, int version) => $"webhook:{webhookId}@v{version}";
}
