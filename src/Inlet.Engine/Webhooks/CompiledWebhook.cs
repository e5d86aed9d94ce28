using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Paths;
using Inlet.Engine.Responses;

namespace Inlet.Engine.Webhooks;

/// <summary>
/// A webhook ready to serve: immutable, shared by every request, evaluated without locks or I/O.
/// <see cref="Evaluate"/> runs the filter, then the mapping (spec §2 steps 8 and 10).
/// </summary>
public sealed class CompiledWebhook(
    WebhookDefinition definition,
    CompiledFilter filter,
    MappingPlan mapping,
    ResponseTemplate success,
    ResponseTemplate error,
    AttributePath? idempotencyPath,
    ImmutableArray<AttributePath> redactedPaths)
{
    public WebhookDefinition Definition { get; } = definition;
    public CompiledFilter Filter { get; } = filter;
    public MappingPlan Mapping { get; } = mapping;
    public ResponseTemplate Success { get; } = success;
    public ResponseTemplate Error { get; } = error;

    /// <summary>The transform step, prepared once for this version; none when the definition has no transform.</summary>
    public Transforms.CompiledTransform? Transform { get; init; }

    /// <summary>The body path the idempotency key is read from, when the definition names one instead of a header.</summary>
    public AttributePath? IdempotencyPath { get; } = idempotencyPath;

    /// <summary>
    /// The body as the request log keeps it: the values under <see cref="WebhookDefinition.RedactBodyPaths"/> replaced
    /// by <c>[redacted]</c>. A body that is not JSON (the pipeline answers it 400), or reaches none of the paths, is kept as received.
    /// </summary>
    public string RedactBody(string body)
    {
        if (redactedPaths.IsEmpty)
        {
            return body;
        }
        try
        {
            // A name given twice cannot be held in a JsonObject: the pipeline refuses such a body as it does any that is not JSON.
            if (JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) is not JsonObject root)
            {
                return body;
            }
            var changed = false;
            foreach (var path in redactedPaths)
            {
                changed |= path.TryReplace(root, () => JsonValue.Create(Redacted));
            }
            return changed ? root.ToJsonString() : body;
        }
        // A name escaping half a surrogate pair (\ud800) parses but cannot be read: that body is not JSON either.
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return body;
        }
    }

    public const string Redacted = "[redacted]";

    public WebhookEvaluation Evaluate(WebhookRequest request, bool trace = false)
    {
        var filterTrace = trace ? new List<FilterTraceEntry>() : null;
        if (!Filter.Matches(request, filterTrace))
        {
            return new WebhookEvaluation(WebhookVerdict.FilteredOut, MappingResult.NotRun, filterTrace, null);
        }
        var mappingTrace = trace ? new List<MappingTraceEntry>() : null;
        var mapped = Mapping.Apply(request.Body, mappingTrace);
        return new WebhookEvaluation(mapped.Succeeded ? WebhookVerdict.Mapped : WebhookVerdict.InvalidEvent, mapped, filterTrace, mappingTrace);
    }
}

public enum WebhookVerdict { FilteredOut, InvalidEvent, Mapped }

/// <summary>What the engine decided for one request; the traces are present when they were asked for.</summary>
public sealed record WebhookEvaluation(
    WebhookVerdict Verdict,
    MappingResult Mapping,
    IReadOnlyList<FilterTraceEntry>? FilterTrace,
    IReadOnlyList<MappingTraceEntry>? MappingTrace);
