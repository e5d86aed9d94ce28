using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Backoffice.Logs;

/// <summary>How the Backoffice writes times, durations and JSON: the same everywhere, whatever the server's culture.</summary>
internal static class Display
{
    // Razor encodes the page's HTML, so the JSON keeps its characters as sent instead of \u escapes.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Milliseconds(double ms) => ms.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Points(long delta) => delta > 0 ? $"+{delta.ToString(CultureInfo.InvariantCulture)}" : delta.ToString(CultureInfo.InvariantCulture);

    /// <summary>The text indented when it is JSON, otherwise as it is (a cut body is not valid JSON, so it stays as received).</summary>
    public static string PrettyJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) is { } node ? node.ToJsonString(Indented) : text;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            // Not JSON, or JSON with text that cannot be written back (a lone surrogate): shown as received.
            return text;
        }
    }

    /// <summary>The status badge style: green for what went through, red for what a sender has to fix.</summary>
    public static string Badge(int statusCode) => statusCode < 400 ? "processed" : "failed";
}
