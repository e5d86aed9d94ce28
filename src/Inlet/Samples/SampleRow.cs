using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Samples;

/// <summary>A named sample request of a webhook, with what the webhook decided for it when it was saved or last accepted.</summary>
internal sealed class SampleRow
{
    public required string Id { get; init; }
    public required string WebhookId { get; init; }
    public required string Name { get; init; }
    public string HeadersJson { get; init; } = "{}";
    public required string Body { get; init; }
    public required string Outcome { get; set; }

    /// <summary>The event (<c>customer</c>, <c>action</c>, <c>data</c>) as JSON, when the outcome is <c>processed</c>.</summary>
    public string? EventJson { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    public Dictionary<string, string> Headers => JsonSerializer.Deserialize<Dictionary<string, string>>(HeadersJson)!;

    public SampleResult Expected
    {
        get => new(Outcome, EventJson is null ? null : JsonNode.Parse(EventJson)!.AsObject());
        set => (Outcome, EventJson) = (value.Outcome, value.Event?.ToJsonString());
    }
}

/// <summary>What a webhook version decides for a request: its outcome and, when processed, the event.</summary>
internal sealed record SampleResult(string Outcome, JsonObject? Event)
{
    public bool SameAs(SampleResult other) => Outcome == other.Outcome && JsonNode.DeepEquals(Event, other.Event);
}
