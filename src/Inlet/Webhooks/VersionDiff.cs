using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine;
using Inlet.Engine.Webhooks;

namespace Inlet.Webhooks;

/// <summary>One field that differs between two versions: its path as the API writes it (<c>mappings[1].from</c>) and both values.</summary>
internal sealed record FieldChange(string Field, JsonNode? Before, JsonNode? After);

/// <summary>
/// What changed from one version of a webhook to another, field by field, secrets masked. Objects are compared by property
/// and lists by position: a mapping inserted at the top shows as every later row changed, which is what the sender sees too,
/// since rows apply in order.
/// </summary>
internal static class VersionDiff
{
    public static List<FieldChange> Between(WebhookDefinition before, WebhookDefinition after)
    {
        var changes = new List<FieldChange>();
        Walk("", Node(before), Node(after), changes);
        return changes;
    }

    private static JsonNode? Node(WebhookDefinition definition) =>
        JsonSerializer.SerializeToNode(definition with { Verification = Secrets.Mask(definition.Verification) }, EngineJson.Options);

    private static JsonNode? Empty(JsonNode? like) => like switch
    {
        JsonObject => new JsonObject(),
        JsonArray => new JsonArray(),
        _ => null,
    };

    private static void Walk(string path, JsonNode? before, JsonNode? after, List<FieldChange> changes)
    {
        // A part present on one side only (a filter added, a mapping removed) is compared with an empty one: field by field.
        switch (before ?? Empty(after), after ?? Empty(before))
        {
            case (JsonObject a, JsonObject b):
                foreach (var name in a.Select(p => p.Key).Union(b.Select(p => p.Key)))
                {
                    Walk(path.Length == 0 ? name : $"{path}.{name}", a[name], b[name], changes);
                }
                break;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Max(a.Count, b.Count); i++)
                {
                    Walk($"{path}[{i}]", i < a.Count ? a[i] : null, i < b.Count ? b[i] : null, changes);
                }
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                {
                    changes.Add(new FieldChange(path, before?.DeepClone(), after?.DeepClone()));
                }
                break;
        }
    }
}
