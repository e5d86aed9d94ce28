using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace Inlet.Engine.Responses;

/// <summary>
/// The values a response may quote (spec §2.2). Each text is JSON-escaped where it is put; <see cref="EventIds"/> and its
/// count are JSON values (an array, a number), put where the template writes them, outside quotes.
/// </summary>
public readonly record struct ResponseValues(string? EventId = null, string? Customer = null, string? RequestId = null,
    string? ErrorCode = null, string? ErrorMessage = null, IReadOnlyList<string>? EventIds = null);

/// <summary>
/// A success or error response body, split once into literal text and placeholders (<c>{{eventId}}</c>,
/// <c>{{customer}}</c>, <c>{{requestId}}</c>, <c>{{error.code}}</c>, <c>{{error.message}}</c>, and the JSON values
/// <c>{{eventIds}}</c> and <c>{{eventCount}}</c>: every event the request registered, one or several). Nothing else is interpolated.
/// </summary>
public sealed class ResponseTemplate
{
    private static readonly string[] Names = ["eventId", "customer", "requestId", "error.code", "error.message", "eventIds", "eventCount"];
    private readonly ImmutableArray<(string Literal, int Placeholder)> _parts;

    private ResponseTemplate(ImmutableArray<(string, int)> parts) => _parts = parts;

    public static ResponseTemplate DefaultSuccess { get; } = Parse("""{"ok":true,"eventId":"{{eventId}}"}""");

    /// <summary>The default success of a request that registered several events (a transform that returned an array).</summary>
    public static ResponseTemplate DefaultSeveral { get; } = Parse("""{"ok":true,"eventId":"{{eventId}}","eventIds":{{eventIds}},"eventCount":{{eventCount}}}""");

    public static ResponseTemplate DefaultError { get; } = Parse("""{"ok":false,"error":{"code":"{{error.code}}","message":"{{error.message}}"}}""");

    /// <summary>The configured text, or the default when it is empty. The text must have passed <see cref="ResponseValidation"/>.</summary>
    public static ResponseTemplate For(string? configured, bool success) =>
        string.IsNullOrWhiteSpace(configured) ? (success ? DefaultSuccess : DefaultError) : Parse(configured);

    private static ResponseTemplate Parse(string text)
    {
        var parts = ImmutableArray.CreateBuilder<(string, int)>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var placeholder = text[i] == '{' && text.AsSpan(i).StartsWith("{{") ? Array.FindIndex(Names, n => text.AsSpan(i + 2).StartsWith(n + "}}")) : -1;
            if (placeholder < 0)
            {
                literal.Append(text[i++]);
                continue;
            }
            parts.Add((literal.ToString(), placeholder));
            literal.Clear();
            i += Names[placeholder].Length + 4;
        }
        parts.Add((literal.ToString(), -1));
        return new ResponseTemplate(parts.ToImmutable());
    }

    public string Render(ResponseValues values)
    {
        var builder = new StringBuilder();
        foreach (var (literal, placeholder) in _parts)
        {
            builder.Append(literal);
            if (placeholder is 5 or 6)
            {
                var ids = values.EventIds ?? [];
                builder.Append(placeholder == 5 ? JsonSerializer.Serialize(ids) : ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }
            var value = placeholder switch
            {
                0 => values.EventId,
                1 => values.Customer,
                2 => values.RequestId,
                3 => values.ErrorCode,
                4 => values.ErrorMessage,
                _ => null,
            };
            if (value is not null)
            {
                builder.Append(JsonEncodedText.Encode(value).Value);
            }
        }
        return builder.ToString();
    }
}
