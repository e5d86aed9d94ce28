using System.Text.Json;
using Inlet.Engine;
using Inlet.Engine.Events;

namespace Inlet.Events;

/// <summary>One registered event in a member's history. Append only: never edited, never deleted.</summary>
internal sealed class EventRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string CustomerId { get; init; }
    public required string Action { get; init; }
    public required string DataJson { get; init; }
    public long PointsDelta { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset ProcessedAt { get; init; }

    /// <summary><c>webhook:&lt;id&gt;@v&lt;version&gt;</c> or <c>api</c>.</summary>
    public required string Source { get; init; }
    public string? RequestLogId { get; init; }
    public long ScoreAfter { get; init; }
    public long SpentAfter { get; init; }
    public long PendingAfter { get; init; }
}

/// <summary>A custom event type an account defined, stored as its JSON definition.</summary>
internal sealed class EventTypeRow
{
    public required string AccountId { get; init; }
    public required string Name { get; init; }
    public required string DefinitionJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public static EventTypeRow From(string accountId, CustomEventTypeDefinition definition, DateTimeOffset now) => new()
    {
        AccountId = accountId, Name = definition.Name, DefinitionJson = JsonSerializer.Serialize(definition, EngineJson.Options), CreatedAt = now,
    };

    public CustomEventTypeDefinition ReadDefinition() => JsonSerializer.Deserialize<CustomEventTypeDefinition>(DefinitionJson, EngineJson.Options)!;
}
