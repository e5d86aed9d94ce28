using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine;
using Inlet.Engine.Blueprints;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Webhooks;

/// <summary>Reads a definition sent to the API: a full one, or <c>{"blueprint": "point-add", ...overrides}</c>.</summary>
internal static class DefinitionReader
{
    public static WebhookDefinition? Read(JsonElement body, out ValidationError? error)
    {
        error = null;
        if (body.ValueKind != JsonValueKind.Object)
        {
            error = new("", "send the webhook definition as a JSON object");
            return null;
        }
        JsonObject node;
        try
        {
            node = JsonObject.Create(body)!;
            _ = node.Count;
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses duplicate property names; say so rather than keep one of them silently.
            error = new("", $"the definition is ambiguous: {e.Message}");
            return null;
        }
        if (node["blueprint"] is { } name)
        {
            var id = name.GetValueKind() == JsonValueKind.String ? name.GetValue<string>() : name.ToJsonString();
            var blueprint = BlueprintCatalog.Find(id);
            if (blueprint is null)
            {
                error = new("blueprint", $"'{id}' is not a blueprint: choose one of {string.Join(", ", BlueprintCatalog.All.Select(b => b.Id))}");
                return null;
            }
            var merged = JsonSerializer.SerializeToNode(blueprint.Definition, EngineJson.Options)!.AsObject();
            foreach (var (key, value) in node)
            {
                if (key != "blueprint")
                {
                    merged[key] = value?.DeepClone();
                }
            }
            node = merged;
        }
        try
        {
            return node.Deserialize<WebhookDefinition>(EngineJson.Options);
        }
        catch (JsonException e)
        {
            error = new(e.Path?.TrimStart('$', '.') ?? "", $"cannot be read: {e.Message.Split(" Path:")[0]}");
            return null;
        }
    }
}
