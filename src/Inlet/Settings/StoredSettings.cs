using System.Text.Json;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Members;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Settings;

/// <summary>An account's settings as stored: JSON in its row. Events read them from the compiled snapshot, so reload it after a save.</summary>
internal static class StoredSettings
{
    public static async Task<AccountSettings> ReadAsync(InletDb db, string accountId, CancellationToken cancellationToken)
    {
        var json = await db.Accounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.SettingsJson).SingleAsync(cancellationToken);
        return JsonSerializer.Deserialize<AccountSettings>(json, EngineJson.Options)!;
    }

    /// <summary>Replaces the settings, taking its turn with the writer's batches (SQLite has one writer).</summary>
    public static async Task ReplaceAsync(InletDb db, WriteGate gate, string accountId, AccountSettings settings, CancellationToken cancellationToken)
    {
        using (await gate.EnterAsync(cancellationToken))
        {
            var account = await db.Accounts.SingleAsync(a => a.Id == accountId, cancellationToken);
            account.SettingsJson = JsonSerializer.Serialize(settings, EngineJson.Options);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
