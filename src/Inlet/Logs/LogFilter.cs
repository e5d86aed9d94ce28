using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Logs;

/// <summary>
/// Which request logs a page shows (spec §9): every criterion given must hold. <see cref="From"/> is inclusive and <see cref="To"/>
/// exclusive, so consecutive ranges never show a request twice. A time range is read newest first by receipt time, then id,
/// on the <c>(AccountId, ReceivedAt, Id)</c> index, which serves that order; other searches by id, newest first.
/// </summary>
internal sealed record LogFilter(
    string? WebhookId, string? Outcome, int? Status, DateTimeOffset? From, DateTimeOffset? To, string? Customer, string? Text, int Limit, string? Cursor)
{
    /// <summary>Whether the rows are ordered by receipt time (a time range was given) rather than by id alone.</summary>
    private bool ByTime => From is not null || To is not null;

    /// <summary>The account's logs this filter finds, newest first.</summary>
    public IQueryable<RequestLogRow> Apply(InletDb db, string accountId)
    {
        var all = db.RequestLogs.AsNoTracking().Where(l => l.AccountId == accountId);
        var logs = all;
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
        // Instants are stored as fixed-width UTC text, so these comparisons run in SQL on the (AccountId, ReceivedAt, Id) index.
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
            logs = logs.Containing(db, Text);
        }
        if (Cursor is not null && ByTime)
        {
            // The cursor is the last id of the previous page; in time order, the rows after it are the older ones, then
            // the ones received at the same instant with a lower id. The first bound alone is what the index ranges on.
            var at = all.Where(c => c.Id == Cursor).Select(c => c.ReceivedAt);
            logs = logs.Where(l => l.ReceivedAt <= at.First() && (l.ReceivedAt < at.First() || string.Compare(l.Id, Cursor) < 0));
        }
        else if (Cursor is not null)
        {
            // Ids are time-ordered: the cursor is the last id of the previous page.
            logs = logs.Where(l => string.Compare(l.Id, Cursor) < 0);
        }
        return ByTime ? logs.OrderByDescending(l => l.ReceivedAt).ThenByDescending(l => l.Id) : logs.OrderByDescending(l => l.Id);
    }

    /// <summary>One page of the logs this filter asks for, newest first, with the cursor of the next (shared by the API and the Backoffice).</summary>
    public async Task<LogPage> PageAsync(InletDb db, string accountId, CancellationToken cancellationToken)
    {
        var rows = await Apply(db, accountId).Select(LogSummary.FromRow).Take(Limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(Limit).ToList();
        return new LogPage(page, rows.Count > Limit ? page[^1].Id : null);
    }
}
