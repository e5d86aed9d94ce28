using Inlet.Data;
using Inlet.Events;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Members;

/// <summary>Reading a member and their history, for the API and the Backoffice alike; always scoped to one account.</summary>
internal static class MemberQueries
{
    /// <summary>
    /// A customer id from a URL path: routing leaves an encoded slash as <c>%2F</c>, so an id such as <c>acme/42</c>
    /// (sent as <c>acme%2F42</c>) is given back whole.
    /// </summary>
    public static string IdFromPath(string id) => id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    public static Task<MemberRow?> FindAsync(InletDb db, string accountId, string id, CancellationToken cancellationToken)
    {
        var customer = IdFromPath(id);
        return db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.AccountId == accountId && m.Id == customer, cancellationToken);
    }

    /// <summary>One page of the member's events, newest first; the next cursor is the last id of the page when there are more.</summary>
    public static async Task<(List<EventRow> Page, string? NextCursor)> HistoryAsync(InletDb db, string accountId, string id, string? action,
        int size, string? cursor, CancellationToken cancellationToken)
    {
        var customer = IdFromPath(id);
        var query = db.Events.AsNoTracking().Where(e => e.AccountId == accountId && e.CustomerId == customer);
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrEmpty(cursor))
        {
            // Ids are time-ordered: the cursor is the last id of the previous page.
            query = query.Where(e => string.Compare(e.Id, cursor) < 0);
        }
        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(size).ToList();
        return (page, rows.Count > size ? page[^1].Id : null);
    }
}
