using Inlet.Engine.Webhooks;

namespace Inlet.Webhooks;

/// <summary>A webhook as the API reads it: the definition of spec §7 plus id, status, version, full URL and times. Secrets masked.</summary>
internal sealed record WebhookView(
    string Id, string Status, int Version, string Url, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string Name, string Method, string Endpoint, FilterNode? Filter, string Action, IReadOnlyList<MappingDefinition> Mappings,
    ResponseDefinition Response, VerificationDefinition Verification, IdempotencyDefinition Idempotency, int FilterMismatchStatus, RateLimitDefinition? RateLimit,
    IReadOnlyList<string> RedactBodyPaths, Engine.Transforms.TransformDefinition? Transform)
{
    public static WebhookView From(WebhookRow row, WebhookDefinition definition, string baseUrl) => new(
        row.Id, row.Status, row.Version, $"{baseUrl}/webhooks/custom/{row.AccountId}/{row.Endpoint}", row.CreatedAt, row.UpdatedAt,
        definition.Name, definition.Method, definition.Endpoint, definition.Filter, definition.Action, definition.Mappings,
        definition.Response, Secrets.Mask(definition.Verification), definition.Idempotency, definition.FilterMismatchStatus, definition.RateLimit,
        definition.RedactBodyPaths, definition.Transform);
}

/// <summary>Verification secrets never leave Inlet in full (spec §8): reads show <c>whsec_****abcd</c>.</summary>
internal static class Secrets
{
    private const string Stars = "****";

    public static VerificationDefinition Mask(VerificationDefinition v) => v with
    {
        Secret = Mask(v.Secret),
        PreviousSecret = Mask(v.PreviousSecret),
        Password = Mask(v.Password),
    };

    /// <summary>A definition sent back with masked secrets keeps the stored ones.</summary>
    public static VerificationDefinition Unmask(VerificationDefinition incoming, VerificationDefinition stored) => incoming with
    {
        Secret = Keep(incoming.Secret, stored.Secret),
        PreviousSecret = Keep(incoming.PreviousSecret, stored.PreviousSecret),
        Password = Keep(incoming.Password, stored.Password),
    };

    private static string? Mask(string? secret) => secret switch
    {
        null => null,
        { Length: <= 8 } => Stars,
        _ when secret.StartsWith("whsec_", StringComparison.Ordinal) => "whsec_" + Stars + secret[^4..],
        _ => Stars + secret[^4..],
    };

    private static string? Keep(string? incoming, string? stored) =>
        incoming is not null && incoming.Contains(Stars, StringComparison.Ordinal) && stored is not null && Mask(stored) == incoming ? stored : incoming;
}
