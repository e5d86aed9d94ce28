using System.Text.Json;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests;

/// <summary>Small helpers to write requests and definitions as JSON text in tests.</summary>
internal static class Json
{
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static WebhookRequest Request(string body, params (string Name, string Value)[] headers) =>
        WebhookRequest.Create(Parse(body), headers.Select(h => KeyValuePair.Create(h.Name, h.Value)));

    public static WebhookDefinition Definition(string json) =>
        JsonSerializer.Deserialize<WebhookDefinition>(json, EngineJson.Options)!;
}
