using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Events;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Members;

/// <summary>Members and their history (spec §7): status, profile, labels, balances; events newest first.</summary>
internal static class CustomersApi
{
    public static RouteGroupBuilder MapCustomers(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("Customers");
        customers.MapGet("/{id}", GetAsync).WithName("GetCustomer").WithSummary("Read a member: status, profile, labels, balances");
        customers.MapGet("/{id}/events", HistoryAsync).WithName("ListCustomerEvents").WithSummary("A member's events, newest first");
        return api;
    }

    internal sealed record CustomerView(string Id, string Status, Dictionary<string, string> Profile, List<string> Labels, Balances Balances,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    private static async Task<Results<Ok<CustomerView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var row = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.AccountId == accountId && m.Id == id, cancellationToken);
        return row is null
            ? Problems.NotFound($"customer {id}")
            : TypedResults.Ok(new CustomerView(row.Id, row.Status, JsonSerializer.Deserialize<Dictionary<string, string>>(row.ProfileJson)!,
                JsonSerializer.Deserialize<List<string>>(row.LabelsJson)!, new Balances(row.Score, row.Spent, row.Pending), row.CreatedAt, row.UpdatedAt));
    }

    internal sealed record EventPage(List<EventView> Items, string? NextCursor);

    private static async Task<Results<Ok<EventPage>, ProblemHttpResult>> HistoryAsync(
        string id, string? action, int? limit, string? cursor, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        if (limit is < 1 or > 500)
        {
            return Problems.Status(400, "invalid_query", "limit must be between 1 and 500");
        }
        if (!await db.Members.AnyAsync(m => m.AccountId == accountId && m.Id == id, cancellationToken))
        {
            return Problems.NotFound($"customer {id}");
        }
        var query = db.Events.AsNoTracking().Where(e => e.AccountId == accountId && e.CustomerId == id);
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrEmpty(cursor))
        {
            // Ids are time-ordered: the cursor is the last id of the previous page.
            query = query.Where(e => string.Compare(e.Id, cursor) < 0);
        }
        var size = limit ?? 50;
        var rows = await query.OrderByDescending(e => e.Id).Take(size + 1).ToListAsync(cancellationToken);
        var page = rows.Take(size).Select(EventView.From).ToList();
        return TypedResults.Ok(new EventPage(page, rows.Count > size ? page[^1].Id : null));
    }
}
