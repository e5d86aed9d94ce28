using System.Text.Json;
using System.Text.Json.Serialization;
using Inlet.Engine.Validation;
using Inlet.Logs;

namespace Inlet.Replays;

/// <summary>
/// The requests a bulk replay takes, as sent: the log search's criteria (<see cref="LogQuery"/>), read with the same rules and
/// the same messages. <c>status</c> may be a number or text.
/// </summary>
internal sealed record ReplayFilter(string? WebhookId, string? Outcome, JsonElement? Status, string? From, string? To, string? Customer, string? Q)
{
    public LogFilter? Read(out List<ValidationError> errors) =>
        new LogQuery(WebhookId, Outcome, StatusText, From, To, Customer, Q, Limit: null, Cursor: null).Read(out errors);

    /// <summary>The criteria given, as JSON, to show with the replay.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Written);

    private static readonly JsonSerializerOptions Written = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private string? StatusText => Status switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        { } number => number.GetRawText(),
    };
}
