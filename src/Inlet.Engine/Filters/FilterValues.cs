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

/// <summary>The value a condition read from one request: a header's text or a body element, with its text and number.</summary>
internal readonly struct ActualValue
{
    private ActualValue(bool found, JsonValueKind kind, JsonElement element, string? header)
    {
        Found = found;
        Kind = kind;
        Element = element;
        Header = header;
        if (header is not null)
        {
            Text = header;
        }
        else if (found && JsonText.TryScalar(element, out var text))
        {
            Text = text;
        }
        var number = default(Number);
        IsNumber = Text is not null && JsonText.TryNumber(Text, out number);
        Number = number;
    }

    public static ActualValue Missing => default;

    public static ActualValue FromHeader(string text) => new(true, JsonValueKind.String, default, text);

    public static ActualValue FromBody(JsonElement element) => new(true, element.ValueKind, element, null);

    public bool Found { get; }
    public JsonValueKind Kind { get; }
    public JsonElement Element { get; }
    public string? Header { get; }

    /// <summary>The text of a string, number or boolean; null when missing, null, an object or an array.</summary>
    public string? Text { get; }
    public bool IsNumber { get; }
    public Number Number { get; }

    public bool IsBoolean => Kind is JsonValueKind.True or JsonValueKind.False;

    /// <summary>Null for missing, JSON null, <c>""</c>/whitespace, <c>[]</c> and <c>{}</c>.</summary>
    public bool IsBlank => Kind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(Text),
        JsonValueKind.Array => Element.GetArrayLength() == 0,
        JsonValueKind.Object => Element.GetPropertyCount() == 0,
        _ => false,
    };

    /// <summary>For the trace: the JSON text of the value read, the header's text, or null when missing.</summary>
    public string? TraceText() => !Found ? null : Header ?? Element.GetRawText();
}
