using System.Text.Json;
using Inlet.Engine.Paths;

namespace Inlet.Engine.Mapping;

/// <summary>A value on its way through a mapping: read from the body as JSON, or text given by a default or a replacement.</summary>
internal readonly record struct FieldValue(JsonElement Element, string? Text)
{
    public static FieldValue Missing => default;

    public static FieldValue Json(JsonElement element) => new(element, null);

    public static FieldValue FromText(string text) => new(default, text);

    public bool IsText => Text is not null;

    /// <summary>Missing, null, or an empty/whitespace string: what a default replaces.</summary>
    public bool IsEmpty => IsText
        ? string.IsNullOrWhiteSpace(Text)
        : Element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
          || Element.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(Element.GetString());

    /// <summary>The value as text for replace rules and messages; false for objects and arrays.</summary>
    public bool TryScalar(out string text)
    {
        if (IsText)
        {
            text = Text!;
            return true;
        }
        return JsonText.TryScalar(Element, out text);
    }

    /// <summary>How the value reads in a trace or an error message.</summary>
    public string? Display => IsText ? Text : Element.ValueKind == JsonValueKind.Undefined ? null : Element.GetRawText();
}
