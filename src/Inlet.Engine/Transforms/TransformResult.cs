using System.Text.Json;

namespace Inlet.Engine.Transforms;

/// <summary>What a transform's call came to, and how long it took.</summary>
public abstract record TransformResult(TimeSpan Duration)
{
    /// <summary>One body, for the filter and the mapping; <paramref name="Json"/> is its text, as the log keeps it.</summary>
    public sealed record Body(JsonElement Value, string Json, TimeSpan Duration) : TransformResult(Duration);

    /// <summary>Several bodies: each would be an event of its own, registered all or nothing.</summary>
    public sealed record Many(IReadOnlyList<JsonElement> Values, string Json, TimeSpan Duration) : TransformResult(Duration);

    /// <summary>The function returned null: the request is dropped (200, outcome <c>dropped</c>).</summary>
    public sealed record Dropped(TimeSpan Duration) : TransformResult(Duration);

    /// <summary>A throw, a limit hit or a result that is not JSON; line and column in the code when the error has them.</summary>
    public sealed record Failed(string Message, int? Line, int? Column, TimeSpan Duration) : TransformResult(Duration)
    {
        public string Describe() => Line is { } line ? $"{Message} (line {line}, column {Column})" : Message;
    }

    /// <summary>What the log keeps of the result: the transformed body (or bodies), or null.</summary>
    public string? LoggedJson => this switch
    {
        Body body => body.Json,
        Many many => many.Json,
        Dropped => "null",
        _ => null,
    };
}
