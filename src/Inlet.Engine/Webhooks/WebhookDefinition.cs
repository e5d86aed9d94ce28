using System.Text.Json.Serialization;

namespace Inlet.Engine.Webhooks;

/// <summary>A webhook's configuration exactly as the REST API reads and writes it (spec §7).</summary>
/// <remarks>Enumerated settings (method, operator, action, types) stay strings so the validator can say what is wrong with them.</remarks>
public sealed record WebhookDefinition
{
    public string Name { get; init; } = "";
    public string Method { get; init; } = "POST";
    public string Endpoint { get; init; } = "";
    public FilterNode? Filter { get; init; }
    /// <summary>The event type of the webhook's events, or <see cref="FromTransform"/>: each event names its own.</summary>
    public string Action { get; init; } = "";
    public IReadOnlyList<MappingDefinition> Mappings { get; init; } = [];
    public ResponseDefinition Response { get; init; } = new();
    public VerificationDefinition Verification { get; init; } = new();
    public IdempotencyDefinition Idempotency { get; init; } = new();
    public int FilterMismatchStatus { get; init; } = 422;

    /// <summary>
    /// The action of a webhook whose transform returns each event whole, as the Events API takes it
    /// (<c>{customer, action, data}</c>, or an array of them): no mappings, each event of the type it names.
    /// </summary>
    public const string FromTransform = "from_transform";

    /// <summary>Body paths (e.g. <c>email</c>, <c>user_identities[identity_type=email].identity</c>) the request log keeps as <c>[redacted]</c>.</summary>
    public IReadOnlyList<string> RedactBodyPaths { get; init; } = [];

    /// <summary>JavaScript run on each request after parsing, before the filter: it returns the body, several bodies, or null (drop).</summary>
    public Transforms.TransformDefinition? Transform { get; init; }

    /// <summary>At most this many requests per window reach the filter; more answer 429 (none: no limit).</summary>
    public RateLimitDefinition? RateLimit { get; init; }
}

/// <summary>A fixed-window limit: <see cref="Requests"/> per <see cref="PerSeconds"/> seconds, counted on each node.</summary>
public sealed record RateLimitDefinition(int Requests, int PerSeconds = 60);

/// <summary>One field of the event built from the request body (spec §4).</summary>
public sealed record MappingDefinition
{
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    [JsonConverter(typeof(ScalarTextConverter))]
    public string? Default { get; init; }
    public IReadOnlyList<ReplaceRule> Replace { get; init; } = [];
    /// <summary>Sub-mappings applied to each element when <see cref="From"/> is an array (line items).</summary>
    public IReadOnlyList<MappingDefinition> Items { get; init; } = [];
}

public sealed record ReplaceRule(
    [property: JsonConverter(typeof(ScalarTextConverter))] string Value,
    [property: JsonConverter(typeof(ScalarTextConverter))] string With);

/// <summary>JSON texts answered on success and on error; empty means the default body.</summary>
public sealed record ResponseDefinition(string? Success = null, string? Error = null);

/// <summary>How a request proves where it comes from (spec §8). Which fields apply depends on <see cref="Type"/>.</summary>
public sealed record VerificationDefinition
{
    public string Type { get; init; } = "none";
    public string? Header { get; init; }
    public string? Secret { get; init; }
    public string? PreviousSecret { get; init; }
    public string? Username { get; init; }
    public string? Password { get; init; }
    public string? Algorithm { get; init; }
    public string? Encoding { get; init; }
    public string? Prefix { get; init; }
}

/// <summary>Where a request's idempotency key is read: a header (default Idempotency-Key, then webhook-id) or a body path.</summary>
public sealed record IdempotencyDefinition(string? Header = null, string? BodyPath = null);
