using System.Text.Json.Nodes;
using Inlet.Engine.Events;

namespace Inlet.Parked;

/// <summary>
/// An event kept for a customer who is not a member yet (account setting <c>unknownCustomer: park</c>), as it was mapped,
/// with what its effects need of its event type then. It is registered when the member comes into being, or expires.
/// </summary>
internal sealed class ParkedEventRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string CustomerId { get; init; }
    public required string Action { get; init; }
    public required string DataJson { get; init; }
    public required string Source { get; init; }

    /// <summary>The request that brought it, whose log row says <c>parked</c> until it is released or expires; none from the Events API.</summary>
    public string? RequestLogId { get; init; }

    public bool BuiltIn { get; init; }
    public long? Points { get; init; }
    public bool Once { get; init; }
    public DateTimeOffset ParkedAt { get; init; }

    public MappedEvent Event => new(CustomerId, Action, JsonNode.Parse(DataJson)!.AsObject());

    /// <summary>The event type as the effects read it: its name, whether it is built in, its points and whether it happens once.</summary>
    public EventType Type => new(Action, Action, [], BuiltIn, Points: Points, Once: Once);
}
