using System.Text.Json;

namespace Inlet.Engine.Webhooks;

/// <summary>
/// What the engine sees of one incoming request: its headers (looked up case-insensitively; a repeated header's values
/// joined with ", ") and its body, already parsed to a JSON object.
/// </summary>
public sealed record WebhookRequest(IReadOnlyDictionary<string, string> Headers, JsonElement Body)
{
    public static WebhookRequest Create(JsonElement body, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        new(new Dictionary<string, string>(headers ?? [], StringComparer.OrdinalIgnoreCase), body);
}
