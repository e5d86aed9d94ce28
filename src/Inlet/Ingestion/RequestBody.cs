using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Inlet.Ingestion;

/// <summary>Reads a webhook body within its size limit and parses it: JSON, or a form flattened to an object of strings.</summary>
internal static class RequestBody
{
    // A name given twice in one object is refused: which value counts would be a guess, and the log's masking could miss one.
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 32, AllowDuplicateProperties = false };

    /// <summary>The raw bytes, or null when the body is over <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(request.ContentLength is { } length ? (int)length + 1 : 4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(8192), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return null;
            }
        }
    }

    public static bool IsSupported(string? contentType, out bool isForm)
    {
        var mediaType = contentType?.Split(';')[0].Trim() ?? "";
        isForm = mediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);
        // No content type at all is read as JSON: some senders omit it, and the parse step still checks the body.
        return isForm || mediaType.Length == 0 || mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The body as a JSON object whose every string can be read, or why it is not one.</summary>
    public static JsonDocument? Parse(byte[] bytes, bool isForm, out string? error)
    {
        error = null;
        var json = isForm ? FormToJson(bytes) : bytes;
        if (UnreadableText.Find(json) is { } unreadable)
        {
            error = $"the body is not valid JSON: {unreadable}";
            return null;
        }
        try
        {
            var document = JsonDocument.Parse(json, ParseOptions);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }
            error = $"the body must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            document.Dispose();
            return null;
        }
        catch (JsonException e)
        {
            error = bytes.Length == 0 ? "the body is empty: send a JSON object"
                // JSON senders must not add a byte order mark (RFC 8259 §8.1): say so rather than report a stray 0xEF.
                : bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? "the body is not valid JSON: it starts with a byte order mark; send UTF-8 without one"
                : $"the body is not valid JSON: {e.Message}";
            return null;
        }
    }

    private static byte[] FormToJson(byte[] bytes)
    {
        var fields = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(bytes));
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in fields)
            {
                writer.WriteString(name, values.ToString());
            }
            writer.WriteEndObject();
        }
        return output.WrittenSpan.ToArray();
    }
}
