using System.Collections.Immutable;
using System.Text.Json;
using Inlet.Engine.Paths;

namespace Inlet.Engine.Filters;

/// <summary>A condition's value read once at compile time: its JSON, its text, and its number when it reads as one.</summary>
internal sealed class ExpectedValue
{
    public ExpectedValue(JsonElement element)
    {
        Element = element.Clone();
        Json = Element.GetRawText();
        IsScalar = JsonText.TryScalar(Element, out var text);
        Text = text;
        var number = default(Number);
        IsNumber = IsScalar && JsonText.TryNumber(text, out number);
        Number = number;
        Items = Element.ValueKind == JsonValueKind.Array ? [.. Element.EnumerateArray().Select(e => new ExpectedValue(e))] : [];
    }

    public JsonElement Element { get; }
    public JsonValueKind Kind => Element.ValueKind;
    public string Json { get; }
    public bool IsScalar { get; }
    public string Text { get; }
    public bool IsNumber { get; }
    public Number Number { get; }
    public ImmutableArray<ExpectedValue> Items { get; }
}

/// <summary>
/// The value a condition read from one request: a header's text or a body element. A JSON number's text is only
/// materialized when a comparison needs it, so numeric conditions allocate nothing.
/// </summary>
internal readonly struct ActualValue
{
    private readonly string? _text;

    private ActualValue(JsonValueKind kind, JsonElement element, string? header)
    {
        Found = true;
        Kind = kind;
        Element = element;
        Header = header;
        var number = default(Number);
        switch (kind)
        {
            case JsonValueKind.String:
                _text = header ?? element.GetString();
                IsNumber = JsonText.TryNumber(_text!, out number);
                break;
            case JsonValueKind.Number:
                IsNumber = TryNumber(element, out number);
                break;
            case JsonValueKind.True or JsonValueKind.False:
                _text = kind == JsonValueKind.True ? "true" : "false";
                break;
        }
        Number = number;
    }

    public static ActualValue Missing => default;

    public static ActualValue FromHeader(string text) => new(JsonValueKind.String, default, text);

    public static ActualValue FromBody(JsonElement element) => new(element.ValueKind, element, null);

    public bool Found { get; }
    public JsonValueKind Kind { get; }
    public JsonElement Element { get; }
    public string? Header { get; }
    public bool IsNumber { get; }
    public Number Number { get; }

    /// <summary>A string, number or boolean, which has a text; not null, an object, an array or a missing value.</summary>
    public bool IsScalar => Kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    /// <summary>The text of a scalar (see <see cref="JsonText.TryScalar"/>); empty otherwise.</summary>
    public string Text => _text ?? (Kind == JsonValueKind.Number ? Element.GetRawText() : "");

    public bool IsBoolean => Kind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>True for missing, JSON null, <c>""</c> or whitespace, <c>[]</c> and <c>{}</c>.</summary>
    public bool IsBlank => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(_text),
        JsonValueKind.Array => Element.GetArrayLength() == 0,
        JsonValueKind.Object => Element.GetPropertyCount() == 0,
        _ => false,
    };

    /// <summary>For the trace: the JSON text of the value read, the header's text, or null when missing.</summary>
    public string? TraceText() => !Found ? null : Header ?? Element.GetRawText();

    /// <summary>Reads a JSON number as <see cref="JsonText.TryNumber"/> reads its text, without making the text.</summary>
    private static bool TryNumber(JsonElement element, out Number number)
    {
        if (element.TryGetDecimal(out var exact))
        {
            number = new Number(exact, (double)exact, true);
            return true;
        }
        if (element.TryGetDouble(out var approximate) && double.IsFinite(approximate))
        {
            number = new Number(0, approximate, false);
            return true;
        }
        number = default;
        return false;
    }
}
