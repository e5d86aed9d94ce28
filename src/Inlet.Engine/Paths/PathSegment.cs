using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Engine.Paths;

/// <summary>One step of a path: a property (or array index when the name is a number), an index [n], or a selector [key=value].</summary>
internal sealed class PathSegment
{
    private readonly string? _name;
    private readonly int _index = -1;
    private readonly string? _selectKey;
    private readonly string? _selectValue;

    private PathSegment(string? name, int index, string? selectKey, string? selectValue)
    {
        _name = name;
        _index = index;
        _selectKey = selectKey;
        _selectValue = selectValue;
    }

    public static PathSegment Named(string name) =>
        new(name, int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : -1, null, null);

    public static PathSegment Index(int index) => new(null, index, null, null);

    public static PathSegment Select(string key, string value) => new(null, -1, key, value);

    public bool TryStep(JsonElement current, out JsonElement next)
    {
        next = default;
        switch (current.ValueKind)
        {
            case JsonValueKind.Object when _name is not null:
                return current.TryGetProperty(_name, out next);
            case JsonValueKind.Array when _index >= 0:
                if (_index >= current.GetArrayLength())
                {
                    return false;
                }
                next = current[_index];
                return true;
            case JsonValueKind.Array when _selectKey is not null:
                foreach (var element in current.EnumerateArray())
                {
                    if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(_selectKey, out var key)
                        && JsonText.TryScalar(key, out var text) && text == _selectValue)
                    {
                        next = element;
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>
    /// The same step over an editable document, for masking: replaces the value this step reaches in
    /// <paramref name="current"/> with <paramref name="replacement"/> when it is the last step, or gives the next node.
    /// </summary>
    public bool TryStep(JsonNode? current, out JsonNode? next, Func<JsonNode?>? replacement = null)
    {
        next = null;
        switch (current)
        {
            case JsonObject obj when _name is not null && obj.ContainsKey(_name):
                next = obj[_name];
                if (replacement is not null)
                {
                    obj[_name] = replacement();
                }
                return true;
            case JsonArray array when _index >= 0 && _index < array.Count:
                next = array[_index];
                if (replacement is not null)
                {
                    array[_index] = replacement();
                }
                return true;
            case JsonArray array when _selectKey is not null:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject element && element[_selectKey] is JsonValue key && key.TryGetValue<JsonElement>(out var read)
                        && JsonText.TryScalar(read, out var text) && text == _selectValue)
                    {
                        next = element;
                        if (replacement is not null)
                        {
                            array[i] = replacement();
                        }
                        return true;
                    }
                }
                return false;
            default:
                return false;
        }
    }
}
