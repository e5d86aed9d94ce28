using Inlet.Engine.Filters;
using Inlet.Engine.Webhooks;

namespace Inlet.Logs;

/// <summary>
/// Which request headers the log keeps as <c>[redacted]</c> (spec §8): credentials, anything named like a secret,
/// the header a webhook verifies, and headers a filter compares with a literal (the manual's "token in a filter").
/// When no webhook definition is known (unknown endpoint, wrong method), only a short list of plain headers is kept.
/// </summary>
internal static class HeaderRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretWords = ["token", "secret", "signature", "password", "api-key", "apikey"];
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase) { "authorization", "cookie", "proxy-authorization" };
    private static readonly HashSet<string> Plain = new(StringComparer.OrdinalIgnoreCase)
    {
        "accept", "accept-encoding", "content-length", "content-type", "host", "user-agent", "traceparent", "idempotency-key", "webhook-id",
        "x-forwarded-for", "x-forwarded-proto", "x-request-id",
    };

    public static SortedDictionary<string, string> Redact(IHeaderDictionary headers, WebhookDefinition? webhook) =>
        Redact(headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString())), webhook);

    /// <summary>Headers given as text (a sample's), redacted as a logged request's are; names in lower case.</summary>
    public static SortedDictionary<string, string> Redact(IEnumerable<KeyValuePair<string, string>> headers, WebhookDefinition? webhook)
    {
        var compared = webhook is null ? null : ComparedHeaders(webhook);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            var lower = name.ToLowerInvariant();
            result[lower] = ShouldRedact(lower, compared) ? Redacted : value;
        }
        return result;
    }

    /// <summary>The filter trace shows header values too: the same headers are redacted there, with the literal they were compared to.</summary>
    public static IReadOnlyList<FilterTraceEntry> Redact(IReadOnlyList<FilterTraceEntry> trace, WebhookDefinition? webhook)
    {
        var compared = webhook is null ? null : ComparedHeaders(webhook);
        return [.. trace.Select(entry => entry.Attribute.StartsWith("headers.", StringComparison.OrdinalIgnoreCase)
            && ShouldRedact(entry.Attribute["headers.".Length..].ToLowerInvariant(), compared)
                ? entry with { Actual = entry.Actual is null ? null : Redacted, Expected = entry.Expected is null ? null : Redacted }
                : entry)];
    }

    private static bool ShouldRedact(string name, HashSet<string>? compared) =>
        compared is null ? !Plain.Contains(name) : IsSecret(name) || compared.Contains(name);

    private static bool IsSecret(string name) =>
        Credentials.Contains(name) || Array.Exists(SecretWords, word => name.Contains(word, StringComparison.Ordinal));

    private static HashSet<string> ComparedHeaders(WebhookDefinition webhook)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (webhook.Verification?.Header is { } verified)
        {
            names.Add(verified.ToLowerInvariant());
        }
        Collect(webhook.Filter, names);
        return names;
    }

    private static void Collect(FilterNode? node, HashSet<string> names)
    {
        switch (node)
        {
            case FilterGroup group:
                foreach (var child in group.Conditions)
                {
                    Collect(child, names);
                }
                break;
            case FilterCondition { Value: not null } condition when condition.Attribute.StartsWith("headers.", StringComparison.OrdinalIgnoreCase):
                names.Add(condition.Attribute["headers.".Length..].ToLowerInvariant());
                break;
        }
    }
}
