using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inlet.Engine.Webhooks;

/// <summary>A filter tree: <c>{"all": [...]}</c>, <c>{"any": [...]}</c>, or a leaf <c>{"attribute", "operator", "value"}</c>.</summary>
[JsonConverter(typeof(FilterNodeConverter))]
public abstract record FilterNode;

public enum FilterJoin { All, Any }

public sealed record FilterGroup(FilterJoin Join, IReadOnlyList<FilterNode> Conditions) : FilterNode;

/// <summary>A leaf; <see cref="Value"/> is any JSON (a list for <c>in</c>), absent for operators that take none.</summary>
public sealed record FilterCondition(string Attribute, string Operator, JsonElement? Value = null) : FilterNode;

internal sealed class FilterNodeConverter : JsonConverter<FilterNode>
{
    private const string Shape = "a filter is {\"all\": [...]}, {\"any\": [...]} or {\"attribute\": \"body.x\", \"operator\": \"equals\", \"value\": ...}";

    public override FilterNode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Read(document.RootElement, options);
    }

    private static FilterNode Read(JsonElement element, JsonSerializerOptions options)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException(Shape);
        }
        if (TryGet(element, "all", out var all))
        {
            return new FilterGroup(FilterJoin.All, ReadList(all, options));
        }
        if (TryGet(element, "any", out var any))
        {
            return new FilterGroup(FilterJoin.Any, ReadList(any, options));
        }
        if (TryGet(element, "attribute", out var attribute) && TryGet(element, "operator", out var op)
            && attribute.ValueKind == JsonValueKind.String && op.ValueKind == JsonValueKind.String)
        {
            JsonElement? value = TryGet(element, "value", out var v) ? v.Clone() : null;
            return new FilterCondition(attribute.GetString()!, op.GetString()!, value);
        }
        throw new JsonException(Shape);
    }

    private static List<FilterNode> ReadList(JsonElement array, JsonSerializerOptions options) =>
        array.ValueKind == JsonValueKind.Array
            ? [.. array.EnumerateArray().Select(e => Read(e, options))]
            : throw new JsonException("\"all\" and \"any\" take a list of filters");

    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public override void Write(Utf8JsonWriter writer, FilterNode value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case FilterGroup group:
                writer.WritePropertyName(group.Join == FilterJoin.All ? "all" : "any");
                writer.WriteStartArray();
                foreach (var child in group.Conditions)
                {
                    Write(writer, child, options);
                }
                writer.WriteEndArray();
                break;
            case FilterCondition condition:
                writer.WriteString("attribute", condition.Attribute);
                writer.WriteString("operator", condition.Operator);
                if (condition.Value is { } v)
                {
                    writer.WritePropertyName("value");
                    v.WriteTo(writer);
                }
                break;
        }
        writer.WriteEndObject();
    }
}
