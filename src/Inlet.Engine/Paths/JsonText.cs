using System.Globalization;
using System.Text.Json;

namespace Inlet.Engine.Paths;

/// <summary>How a JSON value reads as text and as a number: the comparison rules filters and mappings share.</summary>
public static class JsonText
{
    /// <summary>A string's value, a number's literal, or true/false; false for null, objects and arrays.</summary>
    public static bool TryScalar(JsonElement element, out string text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                text = element.GetString()!;
                return true;
            case JsonValueKind.Number:
                text = element.GetRawText();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                text = "";
                return false;
        }
    }

    /// <summary>Reads text as a finite number; decimal when it fits, so long ids compare exactly.</summary>
    public static bool TryNumber(string text, out Number number)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            number = new Number(d, (double)d, true);
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
        {
            number = new Number(0, x, false);
            return true;
        }
        number = default;
        return false;
    }

    /// <summary>True for null, an empty or whitespace string, an empty array or an empty object.</summary>
    public static bool IsBlank(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(element.GetString()),
        JsonValueKind.Array => element.GetArrayLength() == 0,
        JsonValueKind.Object => !element.EnumerateObject().Any(),
        _ => false,
    };
}

/// <summary>A number read from JSON or text: exact as decimal when it fits, else as double.</summary>
public readonly record struct Number(decimal Exact, double Approximate, bool IsExact)
{
    public int CompareTo(Number other) =>
        IsExact && other.IsExact ? Exact.CompareTo(other.Exact) : Approximate.CompareTo(other.Approximate);
}
