using System.Text.Json.Nodes;

namespace Inlet.Engine.Events;

/// <summary>
/// An event as mapping builds it: <c>{customer, action, data}</c>, with every declared attribute already converted
/// to its type (integers as long, numbers as decimal, booleans, string lists as arrays of strings, dates as ISO text).
/// </summary>
public sealed record MappedEvent(string Customer, string Action, JsonObject Data);
