using System.Text.Json;
using Inlet.Engine;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Engine.Webhooks;

namespace Inlet.Logs;

/// <summary>The traces show the values they read: those under a webhook's masked body paths are masked there too.</summary>
internal static class TraceRedaction
{
    /// <summary>The filter trace as the log keeps it: headers redacted, masked body paths masked.</summary>
    public static string? FilterJson(IReadOnlyList<FilterTraceEntry>? trace, WebhookDefinition? webhook) =>
        trace is null ? null : JsonSerializer.Serialize(Mask(HeaderRedaction.Redact(trace, webhook), webhook), EngineJson.Options);

    /// <summary>The mapping trace as the log keeps it: masked body paths masked.</summary>
    public static string? MappingJson(IReadOnlyList<MappingTraceEntry>? trace, WebhookDefinition? webhook) =>
        trace is null ? null : JsonSerializer.Serialize(Mask(trace, webhook), EngineJson.Options);

    public static IReadOnlyList<FilterTraceEntry> Mask(IReadOnlyList<FilterTraceEntry> trace, WebhookDefinition? webhook)
    {
        var paths = Paths(webhook);
        return paths.Count == 0 ? trace : [.. trace.Select(entry =>
            entry.Attribute.StartsWith("body.", StringComparison.Ordinal) && paths.Contains(entry.Attribute["body.".Length..]) && entry.Actual is not null
                ? entry with { Actual = CompiledWebhook.Redacted }
                : entry)];
    }

    public static IReadOnlyList<MappingTraceEntry> Mask(IReadOnlyList<MappingTraceEntry> trace, WebhookDefinition? webhook)
    {
        var paths = Paths(webhook);
        return paths.Count == 0 ? trace : [.. trace.Select(entry => entry.From is { } from && paths.Contains(from)
            ? entry with { Raw = entry.Raw is null ? null : CompiledWebhook.Redacted, Final = entry.Final is null ? null : CompiledWebhook.Redacted, ReplacedFrom = null }
            : entry)];
    }

    private static HashSet<string> Paths(WebhookDefinition? webhook) => [.. webhook?.RedactBodyPaths ?? []];
}
