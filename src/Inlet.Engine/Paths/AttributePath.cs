using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Engine.Paths;

public enum PathRoot { Body, Headers }

/// <summary>
/// A parsed attribute path, read many times: <c>headers.x-token</c>, <c>body.order.total</c>, <c>body.events.0.data</c>,
/// <c>body.user_identities[identity_type=customer_id].identity</c>. Parsed once when a webhook compiles, never per request.
/// </summary>
public sealed class AttributePath
{
    private readonly ImmutableArray<PathSegment> _segments;

    private AttributePath(string text, PathRoot root, string? header, ImmutableArray<PathSegment> segments)
    {
        Text = text;
        Root = root;
        HeaderName = header;
        _segments = segments;
    }

    public string Text { get; }
    public PathRoot Root { get; }

    /// <summary>The lower-cased header name when <see cref="Root"/> is <see cref="PathRoot.Headers"/>.</summary>
    public string? HeaderName { get; }

    /// <summary>Parses a filter attribute, which starts with <c>headers.</c> or <c>body.</c>.</summary>
    public static PathParse ParseAttribute(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PathParse.Fail("is empty: write headers.<name> or body.<path>");
        }
        if (text.StartsWith("headers.", StringComparison.OrdinalIgnoreCase))
        {
            var name = text["headers.".Length..];
            return name.Length == 0 || name.Any(c => c <= ' ' || c == ':' || c >= 127)
                ? PathParse.Fail($"'{text}' names no valid header: write headers.<header-name>, e.g. headers.x-api-token")
                : PathParse.Ok(new AttributePath(text, PathRoot.Headers, name.ToLowerInvariant(), []));
        }
        if (text.StartsWith("body.", StringComparison.OrdinalIgnoreCase))
        {
            var parsed = ParseBody(text["body.".Length..]);
            return parsed.Error is { } error
                ? PathParse.Fail($"'{text}': {error}")
                : PathParse.Ok(new AttributePath(text, PathRoot.Body, null, parsed.Segments));
        }
        return PathParse.Fail($"'{text}' must start with headers. or body. (e.g. body.{text})");
    }

    /// <summary>Parses a mapping's <c>from</c>: a body path written without <c>body.</c>.</summary>
    public static PathParse ParseBodyPath(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PathParse.Fail("is empty: write the body attribute to read, e.g. clientID");
        }
        var parsed = ParseBody(text);
        return parsed.Error is { } error
            ? PathParse.Fail($"'{text}': {error}")
            : PathParse.Ok(new AttributePath(text, PathRoot.Body, null, parsed.Segments));
    }

    /// <summary>Reads the value under this body path, or returns false when any step is missing.</summary>
    public bool TryRead(JsonElement body, out JsonElement value)
    {
        var current = body;
        foreach (var segment in _segments)
        {
            if (!segment.TryStep(current, out current))
            {
                value = default;
                return false;
            }
        }
        value = current;
        return true;
    }

    /// <summary>Replaces the value under this body path with <paramref name="replacement"/>; false when the path reaches nothing.</summary>
    public bool TryReplace(JsonNode root, Func<JsonNode?> replacement)
    {
        JsonNode? current = root;
        for (var i = 0; i < _segments.Length; i++)
        {
            if (!_segments[i].TryStep(current, out current, i == _segments.Length - 1 ? replacement : null))
            {
                return false;
            }
        }
        return true;
    }

    public override string ToString() => Text;

    private static (ImmutableArray<PathSegment> Segments, string? Error) ParseBody(string text)
    {
        var segments = ImmutableArray.CreateBuilder<PathSegment>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] is not ('.' or '['))
            {
                i++;
            }
            if (i > start)
            {
                segments.Add(PathSegment.Named(text[start..i]));
            }
            else if (text[i] == '.' || segments.Count == 0)
            {
                // Only "a.[0]" reaches here legitimately: a selector right after a dot.
                return ([], text[i] == '.' ? "has an empty segment (two dots, or a dot at the start)" : "starts with '[': name the array first, e.g. items[0]");
            }
            while (i < text.Length && text[i] == '[')
            {
                var close = text.IndexOf(']', i);
                if (close < 0)
                {
                    return ([], "has a '[' without its ']'");
                }
                var selector = ParseSelector(text[(i + 1)..close]);
                if (selector is null)
                {
                    return ([], $"'[{text[(i + 1)..close]}]' is neither an index [0] nor a selector [key=value]");
                }
                segments.Add(selector);
                i = close + 1;
            }
            if (i < text.Length)
            {
                if (text[i] != '.' || i == text.Length - 1)
                {
                    return ([], i == text.Length - 1 ? "ends with a dot" : $"has '{text[i]}' after ']' where a dot was expected");
                }
                i++;
            }
        }
        return segments.Count == 0 ? ([], "names no attribute") : (segments.ToImmutable(), null);
    }

    private static PathSegment? ParseSelector(string inside)
    {
        if (inside.Length > 0 && inside.All(char.IsAsciiDigit))
        {
            return int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? PathSegment.Index(index) : null;
        }
        var equals = inside.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            return null;
        }
        var key = inside[..equals].Trim();
        var value = inside[(equals + 1)..].Trim();
        if (value.Length >= 2 && value[0] == value[^1] && value[0] is '"' or '\'')
        {
            value = value[1..^1];
        }
        return key.Length == 0 ? null : PathSegment.Select(key, value);
    }
}

/// <summary>The outcome of parsing a path: the path, or what is wrong with the text.</summary>
public readonly record struct PathParse(AttributePath? Path, string? Error)
{
    public static PathParse Ok(AttributePath path) => new(path, null);
    public static PathParse Fail(string error) => new(null, error);
}
