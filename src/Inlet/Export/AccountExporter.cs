using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Webhooks;
using Inlet.Settings;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Export;

/// <summary>
/// An account's configuration as one JSON document: its settings, custom event types and webhooks (not archived ones),
/// without secrets, ids or times, in a stable order, so that it can live in git and be imported into any account
/// (<see cref="AccountImporter"/>): exporting what an import made gives back the same document.
/// </summary>
internal sealed class AccountExporter(InletDb db, StoredDefinitions stored)
{
    /// <summary>What the document is, so a later version can tell its own format from this one.</summary>
    public const string Format = "inlet-account/1";

    // Read and diffed by people in git: quotes in response templates and letters such as é stay as they are, not \u0022 or \u00E9.
    private static readonly JsonSerializerOptions Indented = new(EngineJson.Options) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<JsonObject> ExportAsync(string accountId, CancellationToken cancellationToken)
    {
        var settings = await StoredSettings.ReadAsync(db, accountId, cancellationToken);
        var types = await db.EventTypes.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && w.Status != WebhookStatus.Archived).ToListAsync(cancellationToken);
        // Sorted here, not in SQL: SQLite and PostgreSQL collate text differently.
        return new JsonObject
        {
            ["format"] = Format,
            ["settings"] = JsonSerializer.SerializeToNode(settings, EngineJson.Options),
            ["eventTypes"] = new JsonArray([.. types.OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => JsonSerializer.SerializeToNode(t.ReadDefinition(), EngineJson.Options))]),
            ["webhooks"] = new JsonArray([.. webhooks.OrderBy(w => w.Endpoint, StringComparer.Ordinal).ThenBy(w => w.Method, StringComparer.Ordinal)
                .Select(Webhook)]),
        };
    }

    /// <summary>The document as the API answers it and the command line writes it: indented, ending with a new line.</summary>
    public static string Text(JsonObject document) => document.ToJsonString(Indented) + "\n";

    /// <summary>Verification without its secrets: they never leave Inlet (spec §8); an import keeps the ones it finds.</summary>
    public static VerificationDefinition WithoutSecrets(VerificationDefinition verification) =>
        verification with { Secret = null, PreviousSecret = null, Password = null };

    private JsonObject Webhook(WebhookRow row)
    {
        var definition = stored.Read(row);
        var node = new JsonObject { ["status"] = row.Status };
        var fields = JsonSerializer.SerializeToNode(definition with { Verification = WithoutSecrets(definition.Verification) }, EngineJson.Options)!.AsObject();
        foreach (var (name, value) in fields)
        {
            node[name] = value?.DeepClone();
        }
        return node;
    }
}
