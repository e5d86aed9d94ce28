using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Engine.Mapping;

internal static class JsonNodes
{
    /// <summary>An editable copy of a JSON element, for values stored as sent.</summary>
    public static JsonNode? From(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element.Clone()),
        JsonValueKind.Array => JsonArray.Create(element.Clone()),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element.Clone()),
    };
}
