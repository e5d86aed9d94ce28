using System.Text.Json;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Responses;

/// <summary>Checks a configured response is JSON, naming the position of a fault (and the manual's single quotes).</summary>
public static class ResponseValidation
{
    public static void Validate(string? text, string field, ICollection<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (text.Contains("\"{{eventIds}}\"", StringComparison.Ordinal))
        {
            errors.Add(new(field, "{{eventIds}} is a JSON array: write it without quotes, as in \"eventIds\": {{eventIds}}"));
            return;
        }
        if (Fault(text) is not { } fault)
        {
            return;
        }
        var doubled = text.Replace('\'', '"');
        errors.Add(new(field, text.Contains('\'', StringComparison.Ordinal) && Fault(doubled) is null
            ? $"uses single quotes, which JSON does not allow: write {doubled}"
            : $"is not valid JSON: {fault}"));
    }

    private static string? Fault(string text)
    {
        try
        {
            // The JSON values a template writes outside quotes stand as such while the text is checked.
            using var document = JsonDocument.Parse(text.Replace("{{eventIds}}", "[]", StringComparison.Ordinal).Replace("{{eventCount}}", "0", StringComparison.Ordinal));
            return null;
        }
        catch (JsonException e)
        {
            var message = e.Message;
            var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
            var what = (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
            return $"line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {what}";
        }
    }
}
