using Inlet.Traffic;
using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Webhooks;

/// <summary>The Incoming webhooks list: what each webhook does and how its last 24 hours went.</summary>
public sealed class WebhookListModel : BackofficePage
{
    /// <summary>A webhook as the list shows it, with its last 24 hours from the hourly rollups (none when it had no request).</summary>
    public sealed record Row(string Id, string Name, string Method, string Url, string Action, string Status, Bucket[] Hours, DateTimeOffset? LastRequest)
    {
        public long Requests => Hours.Sum(h => h.Total);

        public long Failures => Hours.Sum(h => h.Failures);
    }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        var query = db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId);
        query = Status switch
        {
            "active" or "inactive" or "archived" => query.Where(w => w.Status == Status),
            "all" => query,
            _ => query.Where(w => w.Status != WebhookStatus.Archived),
        };
        var webhooks = await query.OrderBy(w => w.Name).ToListAsync(cancellationToken);
        var hours = await TrafficQueries.HoursByWebhookAsync(db, accountId, Get<TimeProvider>().GetUtcNow(), 24, cancellationToken);
        // One indexed look-up per webhook (newest log id first), rather than a scan of every log the account kept.
        var lastTimes = new Dictionary<string, DateTimeOffset>();
        foreach (var webhook in webhooks)
        {
            var last = await db.RequestLogs.AsNoTracking().Where(l => l.AccountId == accountId && l.WebhookId == webhook.Id)
                .OrderByDescending(l => l.Id).Select(l => (DateTimeOffset?)l.ReceivedAt).FirstOrDefaultAsync(cancellationToken);
            if (last is { } time)
            {
                lastTimes[webhook.Id] = time;
            }
        }
        var baseUrl = WebhooksApi.BaseUrl(Request);
        Rows = [.. webhooks.Select(w => new Row(w.Id, w.Name, w.Method, $"{baseUrl}/webhooks/custom/{w.AccountId}/{w.Endpoint}",
            Get<StoredDefinitions>().Read(w).Action, w.Status,
            hours.GetValueOrDefault(w.Id) ?? [], lastTimes.TryGetValue(w.Id, out var at) ? at : null))];
    }
}
