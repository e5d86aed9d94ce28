using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Events;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var row = await MemberQueries.FindAsync(db, user.AccountId(), id, cancellationToken);
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
        if (await MemberQueries.FindAsync(db, accountId, id, cancellationToken) is null)
        {
            return Problems.NotFound($"customer {id}");
        }
        var (rows, next) = await MemberQueries.HistoryAsync(db, accountId, id, action, limit ?? 50, cursor, cancellationToken);
        return TypedResults.Ok(new EventPage([.. rows.Select(EventView.From)], next));
    }
}
