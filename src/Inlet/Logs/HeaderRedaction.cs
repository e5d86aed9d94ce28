using Inlet.Engine.Webhooks;

namespace Inlet.Logs;

/// <summary>
/// Which request headers the log keeps as <c>[redacted]</c> (spec §8): credentials, anything named like a secret,
/// the header a webhook verifies, and headers a filter compares with a literal (the manual's "token in a filter").
/// </summary>
internal static class HeaderRedaction
{
    public const string Redacted = "[redacted]";

    private static readonly string[] SecretWords = ["token", "secret", "signature", "password", "api-key", "apikey"];
    private static readonly HashSet<string> Credentials = new(StringComparer.OrdinalIgnoreCase) { "authorization", "cookie", "proxy-authorization" };

    public static SortedDictionary<string, string> Redact(IHeaderDictionary headers, WebhookDefinition? webhook)
    {
        var compared = webhook is null ? [] : ComparedHeaders(webhook);
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, values) in headers)
        {
            var lower = name.ToLowerInvariant();
            result[lower] = IsSecret(lower) || compared.Contains(lower) ? Redacted : values.ToString();
        }
        return result;
    }

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
