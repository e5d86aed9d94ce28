using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Engine.Members;

/// <summary>Reads an event's converted data (integers as long, numbers as decimal, string lists as arrays of strings).</summary>
internal static class EventData
{
    /// <summary>Attributes that describe the event, never the member, so opt_in/profile do not store them.</summary>
    private static readonly HashSet<string> NotProfile = new(StringComparer.Ordinal) { "labels", "effective_timestamp" };

    public static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? Integer(JsonObject data, string name) => Integer(data[name]);

    public static decimal? Number(JsonObject data, string name) => Number(data[name]);

    public static long? Integer(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<decimal>(out var d) && d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        _ => null,
    };

    public static decimal? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<decimal>(out var d) => d,
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        _ => null,
    };

    public static IEnumerable<string> Labels(JsonObject data) =>
        data["labels"] is JsonArray labels
            ? labels.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>()
            : [];

    /// <summary>
    /// Every attribute but labels and effective_timestamp, as profile text: strings as they are, other values as
    /// their JSON text (<c>42</c>, <c>true</c>), null as null (which clears the attribute).
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ProfileAttributes(JsonObject data) =>
        data.Where(p => !NotProfile.Contains(p.Key)).Select(p => KeyValuePair.Create(p.Key, ProfileText(p.Value)));

    private static string? ProfileText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>A line item from an item event or an element of a checkout's items; null without a product id.</summary>
    public static LineItem? Item(JsonObject data, bool accepted) =>
        Text(data, "product_id") is { } productId
            ? new LineItem(productId, Text(data, "product_name"), Integer(data, "quantity"), Number(data, "price"), Number(data, "subtotal"), accepted)
            : null;
}
