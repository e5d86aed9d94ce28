using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Paths;

namespace Inlet.Engine.Mapping;

/// <summary>
/// Strict conversion of a mapped value to an attribute's declared type (spec §4): "10" → 10 for an integer,
/// "10.5" is no integer, yes/no/1/0/true/false → booleans, "a, b" → ["a","b"] for a string list.
/// </summary>
internal static class AttributeConverter
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd"];

    /// <summary>Converts and checks the attribute's bound, or returns the reason it cannot, worded to follow "field: ".</summary>
    public static bool TryConvert(FieldValue value, AttributeSchema schema, out JsonNode? result, out string error) =>
        TryConvertType(value, schema, out result, out error) && WithinBound(result, schema.Bound, out error);

    private static bool WithinBound(JsonNode? node, AttributeBound bound, out string error)
    {
        error = "";
        if (bound == AttributeBound.None || node is not JsonValue value)
        {
            return true;
        }
        var number = value.TryGetValue<long>(out var l) ? l : value.GetValue<decimal>();
        if (bound == AttributeBound.Positive && number <= 0)
        {
            error = $"{number.ToString(CultureInfo.InvariantCulture)} is not allowed: it must be greater than 0";
            return false;
        }
        if (bound == AttributeBound.NonNegative && number < 0)
        {
            error = $"{number.ToString(CultureInfo.InvariantCulture)} is not allowed: it must be 0 or more";
            return false;
        }
        return true;
    }

    private static bool TryConvertType(FieldValue value, AttributeSchema schema, out JsonNode? result, out string error)
    {
        result = null;
        error = "";
        if (schema.Type is AttributeType.StringList or AttributeType.ObjectList)
        {
            return schema.Type == AttributeType.StringList ? TryStringList(value, out result, out error) : TryObjectList(value, schema, out result, out error);
        }
        if (!value.TryScalar(out var text))
        {
            error = $"{value.Display} is not {Describe(schema.Type)}";
            return false;
        }
        var isJsonString = !value.IsText && value.Element.ValueKind == JsonValueKind.String;
        var isJsonBool = !value.IsText && value.Element.ValueKind is JsonValueKind.True or JsonValueKind.False;
        switch (schema.Type)
        {
            case AttributeType.String:
                result = JsonValue.Create(text);
                return true;
            case AttributeType.Integer when !isJsonBool && TryInteger(text, out var integer):
                result = JsonValue.Create(integer);
                return true;
            case AttributeType.Number when !isJsonBool && decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                result = JsonValue.Create(number);
                return true;
            case AttributeType.Boolean when TryBoolean(text, out var boolean):
                result = JsonValue.Create(boolean);
                return true;
            case AttributeType.Date when DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                result = JsonValue.Create(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                return true;
            case AttributeType.Datetime when (isJsonString || value.IsText) && TryDatetime(text, out var datetime):
                result = JsonValue.Create(datetime);
                return true;
            default:
                error = $"{Quote(text, isJsonString || value.IsText)} is not {Describe(schema.Type)}";
                return false;
        }
    }

    public static string Describe(AttributeType type) => type switch
    {
        AttributeType.String => "a text",
        AttributeType.Integer => "an integer",
        AttributeType.Number => "a number",
        AttributeType.Boolean => "a boolean (true/false, yes/no, 1/0)",
        AttributeType.Date => "a date (write it as 2026-11-29)",
        AttributeType.Datetime => "a date-time (write it in ISO 8601, e.g. 2026-11-29T10:00:00Z)",
        AttributeType.StringList => "a list of texts",
        _ => "a list of objects",
    };

    private static string Quote(string text, bool wasText) => wasText ? $"'{text}'" : text;

    private static bool TryInteger(string text, out long integer)
    {
        integer = 0;
        if (!decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || decimal.Truncate(d) != d
            || d < long.MinValue || d > long.MaxValue)
        {
            return false;
        }
        integer = (long)d;
        return true;
    }

    private static bool TryBoolean(string text, out bool boolean)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "1":
                boolean = true;
                return true;
            case "false" or "no" or "0":
                boolean = false;
                return true;
            default:
                boolean = false;
                return false;
        }
    }

    private static bool TryDatetime(string text, out string normalized)
    {
        normalized = "";
        var trimmed = text.Trim();
        // A date-time needs a time: "2026-11-29" alone is a date, and an offset-less time is taken as UTC.
        if (trimmed.Length < 16 || !DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }
        normalized = parsed.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
        return true;
    }

    private static bool TryStringList(FieldValue value, out JsonNode? result, out string error)
    {
        result = null;
        error = "";
        if (!value.IsText && value.Element.ValueKind == JsonValueKind.Array)
        {
            var list = new JsonArray();
            foreach (var element in value.Element.EnumerateArray())
            {
                if (!JsonText.TryScalar(element, out var item))
                {
                    error = $"{value.Display} is not a list of texts: {element.GetRawText()} is not a text";
                    return false;
                }
                if (!string.IsNullOrWhiteSpace(item))
                {
                    list.Add(item.Trim());
                }
            }
            result = list;
            return true;
        }
        if (!value.TryScalar(out var text))
        {
            error = $"{value.Display} is not a list of texts (send [\"a\",\"b\"] or \"a,b\")";
            return false;
        }
        result = new JsonArray([.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => (JsonNode)s)]);
        return true;
    }

    private static bool TryObjectList(FieldValue value, AttributeSchema schema, out JsonNode? result, out string error)
    {
        result = null;
        error = "";
        if (value.IsText || value.Element.ValueKind != JsonValueKind.Array)
        {
            error = $"{value.Display} is not a list of objects";
            return false;
        }
        var list = new JsonArray();
        var index = 0;
        foreach (var element in value.Element.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                error = $"element {index} is {element.GetRawText()}, not an object";
                return false;
            }
            var item = new JsonObject();
            foreach (var property in element.EnumerateObject())
            {
                var declared = schema.Items.FirstOrDefault(a => a.Name == property.Name);
                if (declared is null)
                {
                    item[property.Name] = JsonNodes.From(property.Value);
                }
                else if (TryConvert(FieldValue.Json(property.Value), declared, out var converted, out var inner))
                {
                    item[property.Name] = converted;
                }
                else
                {
                    error = $"element {index}: {property.Name}: {inner}";
                    return false;
                }
            }
            list.Add(item);
            index++;
        }
        result = list;
        return true;
    }
}
