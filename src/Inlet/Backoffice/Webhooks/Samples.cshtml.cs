using Inlet.Data;
using Inlet.Samples;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// A webhook's Samples tab: the requests saved as samples (from a log's detail or the Test panel), each with the outcome
/// and event it expects. Every Save runs them; <c>Delete</c> forgets one.
/// </summary>
public sealed class SamplesModel : BackofficePage
{
    public string Id { get; private set; } = "";

    public string? Name { get; private set; }

    internal IReadOnlyList<SampleRow> Samples { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        Name = await WebhookNameAsync(id);
        if (Name is null)
        {
            return NotFound();
        }
        Id = id;
        Samples = await db.WebhookSamples.AsNoTracking().Where(s => s.WebhookId == id).OrderBy(s => s.Name).ToListAsync(Aborted);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, string sampleId)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        if (!await db.Webhooks.AnyAsync(w => w.AccountId == accountId && w.Id == id, Aborted))
        {
            return NotFound();
        }
        var name = await db.WebhookSamples.Where(s => s.WebhookId == id && s.Id == sampleId).Select(s => s.Name).FirstOrDefaultAsync(Aborted);
        await db.WebhookSamples.Where(s => s.WebhookId == id && s.Id == sampleId).ExecuteDeleteAsync(Aborted);
        Notice = name is null ? null : $"Sample '{name}' is deleted.";
        return Redirect($"/backoffice/webhooks/{id}/samples");
    }
}
