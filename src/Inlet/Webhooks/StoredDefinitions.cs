using System.Security.Cryptography;
using System.Text.Json;
using Inlet.Engine;
using Inlet.Engine.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace Inlet.Webhooks;

/// <summary>
/// How webhook definitions are stored: JSON, with the verification secrets encrypted by ASP.NET Data Protection (spec §8),
/// so the database file or a backup of it alone gives no sender's secret away. Everything else reads definitions through here.
/// </summary>
internal sealed partial class StoredDefinitions(IDataProtectionProvider protection, ILogger<StoredDefinitions> logger)
{
    private const string Marker = "enc:v1:";
    private readonly IDataProtector _protector = protection.CreateProtector("Inlet.Webhooks.VerificationSecrets.v1");

    public string Write(WebhookDefinition definition) =>
        JsonSerializer.Serialize(definition with { Verification = Transform(definition.Verification, Protect) }, EngineJson.Options);

    public WebhookDefinition Read(WebhookRow row) => Read(row.DefinitionJson, row.Id);

    /// <summary>The definition with its secrets readable again; a secret the key ring cannot open comes back empty, and is logged.</summary>
    public WebhookDefinition Read(string json, string webhookId)
    {
        var definition = JsonSerializer.Deserialize<WebhookDefinition>(json, EngineJson.Options)!;
        return definition with { Verification = Transform(definition.Verification, secret => Unprotect(secret, webhookId)) };
    }

    private static VerificationDefinition Transform(VerificationDefinition v, Func<string, string?> transform) => v with
    {
        Secret = v.Secret is null ? null : transform(v.Secret),
        PreviousSecret = v.PreviousSecret is null ? null : transform(v.PreviousSecret),
        Password = v.Password is null ? null : transform(v.Password),
    };

    private string Protect(string secret) => Marker + _protector.Protect(secret);

    private string? Unprotect(string stored, string webhookId)
    {
        // Definitions stored before secrets were encrypted keep working as they are.
        if (!stored.StartsWith(Marker, StringComparison.Ordinal))
        {
            return stored;
        }
        try
        {
            return _protector.Unprotect(stored[Marker.Length..]);
        }
        catch (CryptographicException e)
        {
            LogUnreadableSecret(e, webhookId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A verification secret of webhook {WebhookId} cannot be decrypted: the Data Protection key ring was lost or changed. Set the secret again.")]
    private partial void LogUnreadableSecret(Exception exception, string webhookId);
}
