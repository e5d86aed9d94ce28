namespace Inlet.Webhooks;

/// <summary>A webhook as stored: its current definition (JSON) and lifecycle. Every save also writes a <see cref="WebhookVersionRow"/>.</summary>
internal sealed class WebhookRow
{
    public required string Id { get; init; }
    public required string AccountId { get; init; }
    public required string Name { get; set; }
    public required string Method { get; set; }
    public required string Endpoint { get; set; }
    public required string Status { get; set; }
    public int Version { get; set; }
    public required string DefinitionJson { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class WebhookVersionRow
{
    public required string WebhookId { get; init; }
    public int Version { get; init; }
    public required string DefinitionJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}

internal static class WebhookStatus
{
    public const string Inactive = "inactive";
    public const string Active = "active";
    public const string Archived = "archived";
}
