using System.Text.Json;
using Inlet.Data;
using Inlet.Samples;
using Inlet.Engine;
using Inlet.Engine.Filters;
using Inlet.Engine.Mapping;
using Inlet.Events;
using Inlet.Logs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Logs;

/// <summary>One request in full (the manual's "Detailed request" and "Detailed response"), with the traces that explain its outcome.</summary>
public sealed class LogDetailModel : BackofficePage
{
    internal LogDetail? Log { get; private set; }

    internal IReadOnlyList<FilterTraceEntry>? FilterTrace { get; private set; }

    internal IReadOnlyList<MappingTraceEntry>? MappingTrace { get; private set; }

    public string? WebhookName { get; private set; }

    internal EventRow? Event { get; private set; }

    /// <summary>Only a request that reached a webhook and did not register its event can be replayed.</summary>
    public bool CanReplay => Log is { WebhookId: not null, BodyTruncated: false, Outcome: not ("processed" or "duplicate" or "verification_failed") };

    public async Task<IActionResult> OnPostReplayAsync(string id, CancellationToken cancellationToken) =>
        await Get<LogReplay>().ReplayAsync(AccountId, id, cancellationToken) switch
        {
            ReplayResult.Replayed replayed => RedirectWithNotice($"/backoffice/logs/{replayed.Log.Id}", $"Replayed: {replayed.Log.Outcome}."),
            ReplayResult.Refused refused => RedirectWithNotice($"/backoffice/logs/{id}", $"Not replayed: {refused.Message}."),
            _ => NotFound(),
        };

    /// <summary>A request that reached a webhook and whose whole body was kept can become one of its samples.</summary>
    public bool CanSaveAsSample => Log is { WebhookId: not null, BodyTruncated: false, Body: not null };

    public async Task<IActionResult> OnPostSampleAsync(string id, string? sampleName, CancellationToken cancellationToken)
    {
        var accountId = AccountId;
        var webhookId = await Get<InletDb>().RequestLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.Id == id)
            .Select(l => l.WebhookId).FirstOrDefaultAsync(cancellationToken);
        if (webhookId is null)
        {
            return NotFound();
        }
        var saved = await Get<SampleBook>().SaveAsync(accountId, webhookId, sampleName, id, headers: null, body: null, cancellationToken);
        return RedirectWithNotice($"/backoffice/logs/{id}", saved.Row is { } row
            ? $"Saved as the sample '{row.Name}' of its webhook: it expects {row.Outcome}."
            : $"Not saved as a sample: {saved.Message}.");
    }

    private RedirectResult RedirectWithNotice(string url, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect(url);
    }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        var row = await db.RequestLogs.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == accountId && l.Id == id, cancellationToken);
        if (row is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Log = LogDetail.From(row);
        // The traces are stored as the engine wrote them, so they read back into its records.
        FilterTrace = Log.FilterTrace?.Deserialize<List<FilterTraceEntry>>(EngineJson.Options);
        MappingTrace = Log.MappingTrace?.Deserialize<List<MappingTraceEntry>>(EngineJson.Options);
        if (row.WebhookId is { } webhookId)
        {
            WebhookName = await WebhookNameAsync(webhookId);
        }
        if (row.EventId is { } eventId)
        {
            Event = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.AccountId == accountId && e.Id == eventId, cancellationToken);
        }
        return Page();
    }
}
