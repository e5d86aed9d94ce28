using System.Text.Json;

namespace Inlet.Engine.Webhooks;

/// <summary>
/// What the engine sees of one incoming request: its headers (looked up case-insensitively; a repeated header's values
/// joined with ", ") and its body, already parsed to a JSON object.
/// </summary>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    /// <summary>The request line, for a transform: the method, and the target as sent (path and query string).</summary>
    public string Method { get; init; } = "POST";

    public string Target { get; init; } = "/";

    /// <summary>A request from header pairs; names that differ only by case are one header, as on the wire, and the last one wins.</summary>
    public static WebhookRequest Create(JsonElement body, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var view = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers ?? [])
        {
            view[name] = value;
        }
        return new(view, body);
    }
}
