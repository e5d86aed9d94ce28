using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Inlet.Ingestion;

/// <summary>
/// What JSON's grammar lets through but no string can hold: bytes that are not UTF-8, and a <c>\u</c> escape of half a
/// surrogate pair. <see cref="System.Text.Json.JsonDocument"/> checks neither when it parses, only when a filter, a mapping
/// or the log's masking reads the string, and then it throws; so the parse step refuses them, like any body that is not JSON.
/// </summary>
internal static class UnreadableText
{
    /// <summary>Why the JSON text (parsed already, so its escapes are well formed) cannot be read as text; null when it can.</summary>
    public static string? Find(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return $"it is not UTF-8 (byte {FirstInvalidByte(json)})";
        }
        return LoneSurrogateEscape(json) is { } at
            ? $"the escape at byte {at} is half a surrogate pair (\\uD800 to \\uDFFF come in pairs, high then low)"
            : null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> json)
    {
        var at = 0;
        while (Rune.DecodeFromUtf8(json[at..], out _, out var length) == System.Buffers.OperationStatus.Done)
        {
            at += length;
        }
        return at;
    }

    /// <summary>Where a high-surrogate escape lacks its low half, or a low one comes alone; null when every pair is whole.</summary>
    private static int? LoneSurrogateEscape(ReadOnlySpan<byte> json)
    {
        int? waitingHigh = null;
        // A backslash is found only inside a string, where it starts an escape: \uXXXX (six bytes) or \n, \", ... (two).
        for (var at = json.IndexOf((byte)'\\'); at >= 0 && at < json.Length; at++)
        {
            var unit = json[at] == '\\' && json[at + 1] == 'u' ? Unit(json.Slice(at + 2, 4)) : '\0';
            if (waitingHigh is { } high && !char.IsLowSurrogate(unit))
            {
                return high;
            }
            if (char.IsLowSurrogate(unit) && waitingHigh is null)
            {
                return at;
            }
            waitingHigh = char.IsHighSurrogate(unit) ? at : null;
            at += json[at] != '\\' ? 0 : json[at + 1] == 'u' ? 5 : 1;
        }
        return waitingHigh;
    }

    private static char Unit(ReadOnlySpan<byte> hex) => (char)ushort.Parse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
}
