using Inlet.Engine.Webhooks;
using Inlet.Samples;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// A webhook's settings: the form (read-only once archived), <c>Save</c> (a new version), the lifecycle buttons of spec §5
/// and the Test panel. Another account's webhook is not found.
/// </summary>
public sealed class EditWebhookModel : WebhookFormPage
{
    private static readonly Dictionary<string, string> Transitions = new(StringComparer.Ordinal)
    {
        [WebhookStatus.Active] = "The webhook is active: it registers events.",
        [WebhookStatus.Inactive] = "The webhook is inactive: senders get 503 and retry later.",
        [WebhookStatus.Archived] = "The webhook is archived: it is read-only, and its endpoint can be used again.",
    };

    public string Id { get; private set; } = "";

    public string Status { get; private set; } = "";

    public int Version { get; private set; }

    public override bool IsNew => false;

    public override bool ReadOnly => Status == WebhookStatus.Archived;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is not { } stored)
        {
            return NotFound();
        }
        Form = FormConversion.FromDefinition(stored with { Verification = Secrets.Mask(stored.Verification) });
        ExpectedVersion = Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await LoadAsync(id) is not { } stored)
        {
            return NotFound();
        }
        if (ReadOnly)
        {
            // Disabled inputs are not posted: an archived webhook is tested as stored.
            Form = FormConversion.FromDefinition(stored with { Verification = Secrets.Mask(stored.Verification) });
        }
        if (ApplyRowCommand() || TypedDefinition(stored, out var paths) is not { } definition)
        {
            return Page();
        }
        if (Command == "test")
        {
            await RunTestAsync(definition with { Verification = Secrets.Unmask(definition.Verification, stored.Verification) }, paths);
            return Page();
        }
        if (Command == "sample")
        {
            await SaveSampleAsync(id);
            return Page();
        }
        var result = await Get<WebhookEditor>().ReplaceAsync(AccountId, id, definition, ExpectedVersion, Aborted, acceptSampleChanges: Command == "save-accepting-samples");
        if (result is EditResult.Saved)
        {
            Notice = "Your changes are saved.";
            return Redirect($"/backoffice/webhooks/{id}");
        }
        ShowFaults(result, paths);
        return Page();
    }

    public async Task<IActionResult> OnPostTransitionAsync(string id, string target)
    {
        var result = await Get<WebhookEditor>().TransitionAsync(AccountId, id, target, Aborted);
        switch (result)
        {
            case EditResult.NotFound:
                return NotFound();
            case EditResult.Refused refused:
                Notice = $"Not done: {refused.Message}.";
                break;
            default:
                Notice = Transitions.GetValueOrDefault(target);
                break;
        }
        return Redirect($"/backoffice/webhooks/{id}");
    }

    /// <summary>The Test panel's request saved as a sample, expecting what the saved version decides for it.</summary>
    private async Task SaveSampleAsync(string id)
    {
        var saved = await Get<SampleBook>().SaveAsync(AccountId, id, Test.SampleName, logId: null, TestHeaders(), Test.Payload, Aborted);
        Notice = saved.Row is { } row
            ? $"Sample '{row.Name}' is saved: with the saved settings it gives {row.Outcome}."
            : $"Not saved as a sample: {saved.Message}.";
    }

    private async Task<WebhookDefinition?> LoadAsync(string id)
    {
        var row = await Get<WebhookEditor>().FindAsync(AccountId, id, Aborted);
        if (row is null)
        {
            return null;
        }
        (Id, Status, Version) = (row.Id, row.Status, row.Version);
        return Get<StoredDefinitions>().Read(row);
    }
}
