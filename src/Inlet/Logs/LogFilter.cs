using Microsoft.EntityFrameworkCore;

namespace Inlet.Logs;

/// <summary>
/// Which request logs a page shows (spec §9): every criterion given must hold. <see cref="From"/> is inclusive and <see cref="To"/>
/// exclusive, so consecutive ranges never show a request twice.
/// </summary>
internal sealed record LogFilter(
    string? WebhookId, string? Outcome, int? Status, DateTimeOffset? From, DateTimeOffset? To, string? Customer, string? Text, int Limit, string? Cursor)
{
    public IQueryable<RequestLogRow> Apply(IQueryable<RequestLogRow> logs)
    {
        if (WebhookId is not null)
        {
            logs = logs.Where(l => l.WebhookId == WebhookId);
        }
        if (Outcome is not null)
        {
            logs = logs.Where(l => l.Outcome == Outcome);
        }
        if (Status is { } status)
        {
            logs = logs.Where(l => l.StatusCode == status);
        }
        // Instants are stored as fixed-width UTC text, so these comparisons run in SQL on the ReceivedAt index.
        if (From is { } from)
        {
            logs = logs.Where(l => l.ReceivedAt >= from);
        }
        if (To is { } to)
        {
            logs = logs.Where(l => l.ReceivedAt < to);
        }
        if (Customer is not null)
        {
            logs = logs.Where(l => l.CustomerId == Customer);
        }
        if (Text is not null)
        {
            // An exact, case-sensitive substring: what a pasted id or value needs, and the same on every store.
            logs = logs.Where(l => l.Body != null && l.Body.Contains(Text));
        }
        if (Cursor is not null)
        {
            // Ids are time-ordered: the cursor is the last id of the previous page.
            logs = logs.Where(l => string.Compare(l.Id, Cursor) < 0);
        }
        return logs.OrderByDescending(l => l.Id);
    }

    /// <summary>One page of the logs this filter asks for, newest first, with the cursor of the next (shared by the API and the Backoffice).</summary>
    public async Task<LogPage> PageAsync(IQueryable<RequestLogRow> logs, CancellationToken cancellationToken)
    {
        var rows = await Apply(logs).Select(LogSummary.FromRow).Take(Limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(Limit).ToList();
        return new LogPage(page, rows.Count > Limit ? page[^1].Id : null);
    }
}
