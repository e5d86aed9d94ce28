using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// A webhook's Versions tab: every saved version, what one changed from the version before it (field by field, secrets
/// masked), and <c>Restore</c>, which saves a new version equal to an older one.
/// </summary>
public sealed class VersionsModel : BackofficePage
{
    public string Id { get; private set; } = "";

    public string? Name { get; private set; }

    public int Current { get; private set; }

    public bool Archived { get; private set; }

    public IReadOnlyList<(int Version, DateTimeOffset SavedAt)> Versions { get; private set; } = [];

    /// <summary>The version whose changes are shown (against the one before it); none for version 1.</summary>
    public int Compared { get; private set; }

    internal IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, int? compare)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        var webhook = await db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.AccountId == accountId && w.Id == id, Aborted);
        if (webhook is null)
        {
            // Another account's webhook is as unknown as one that never existed.
            return NotFound();
        }
        (Id, Name, Current, Archived) = (webhook.Id, webhook.Name, webhook.Version, webhook.Status == WebhookStatus.Archived);
        var rows = await db.WebhookVersions.AsNoTracking().Where(v => v.WebhookId == id).OrderByDescending(v => v.Version).ToListAsync(Aborted);
        Versions = [.. rows.Select(v => (v.Version, v.CreatedAt))];
        Compared = Math.Clamp(compare ?? Current, 1, Current);
        if (rows.FirstOrDefault(v => v.Version == Compared) is { } after && rows.FirstOrDefault(v => v.Version == Compared - 1) is { } before)
        {
            var stored = Get<StoredDefinitions>();
            Changes = VersionDiff.Between(stored.Read(before.DefinitionJson, id), stored.Read(after.DefinitionJson, id));
        }
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string id, int version)
    {
        var result = await Get<WebhookEditor>().RestoreAsync(AccountId, id, version, expectedVersion: null, Aborted);
        switch (result)
        {
            case EditResult.NotFound:
                return NotFound();
            case EditResult.Saved saved:
                Notice = $"Version {version} is restored as version {saved.Row.Version}.";
                return Redirect($"/backoffice/webhooks/{id}");
            case EditResult.Refused refused:
                Notice = $"Not restored: {refused.Message}.";
                break;
            case EditResult.SamplesChanged changed:
                Notice = $"Not restored: with version {version}, the samples {string.Join(", ", changed.Changes.Select(c => $"'{c.Name}' ({c.Before.Outcome} → {c.After.Outcome})"))} "
                    + "would give another result. Check them on the Samples tab: delete the ones that no longer apply, or restore through the API with acceptSampleChanges=true.";
                break;
            case EditResult.Invalid invalid:
                Notice = $"Not restored: version {version} is no longer valid ({string.Join("; ", invalid.Errors)}).";
                break;
        }
        return Redirect($"/backoffice/webhooks/{id}/versions");
    }
}
