using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Inlet.Ingestion;

/// <summary>
/// What JSON's grammar lets through but no string can hold: bytes that are not UTF-8, and a <c>\u</c> escape of half a
/// surrogate pair. <see cref="System.Text.Json.JsonDocument"/> does not refuse them as it parses; it throws when a filter, a
/// mapping, the log's masking or its own check for repeated names reads the string. So the parse step looks for them first,
/// and refuses them like any body that is not JSON.
/// </summary>
internal static class UnreadableText
{
    /// <summary>Why the text cannot be read as JSON strings; null when it can (it may still not be JSON).</summary>
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
        for (var at = json.IndexOf((byte)'\\'); at >= 0 && at < json.Length; at++)
        {
            var length = EscapeLength(json[at..], out var unit);
            if (waitingHigh is { } high && !char.IsLowSurrogate(unit))
            {
                return high;
            }
            if (char.IsLowSurrogate(unit) && waitingHigh is null)
            {
                return at;
            }
            waitingHigh = char.IsHighSurrogate(unit) ? at : null;
            at += Math.Max(length - 1, 0);
        }
        return waitingHigh;
    }

    /// <summary>How many bytes the escape that starts the text takes (none: 0), and the UTF-16 unit a <c>\uXXXX</c> stands for.</summary>
    private static int EscapeLength(ReadOnlySpan<byte> text, out char unit)
    {
        unit = '\0';
        if (text[0] != '\\' || text.Length < 2)
        {
            return 0;
        }
        if (text[1] != 'u' || text.Length < 6 || !ushort.TryParse(text.Slice(2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            return 2;
        }
        unit = (char)value;
        return 6;
    }
}
