using System.Security.Claims;
using System.Text.Json.Nodes;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine.Members;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Parked;

/// <summary>A parked event as the API shows it, with when it expires.</summary>
internal sealed record ParkedView(string Id, string Customer, string Action, JsonObject Data, string Source, string? RequestLogId,
    DateTimeOffset ParkedAt, DateTimeOffset ExpiresAt)
{
    public static ParkedView From(ParkedEventRow row, AccountSettings settings) => new(row.Id, row.CustomerId, row.Action, row.Event.Data, row.Source,
        row.RequestLogId, row.ParkedAt, row.ParkedAt.AddDays(settings.ParkDays));
}

/// <summary>The events parked for customers who are not members yet (account setting <c>unknownCustomer: park</c>).</summary>
internal static class ParkedApi
{
    public static RouteGroupBuilder MapParked(this RouteGroupBuilder api)
    {
        api.MapGet("/parked", ListAsync).WithTags("Customers").WithName("ListParkedEvents")
            .WithSummary("The events parked for customers who are not members yet, oldest first; ?customer= for one customer");
        return api;
    }

    private static async Task<Ok<List<ParkedView>>> ListAsync(string? customer, ClaimsPrincipal user, InletDb db, WebhookRegistry registry,
        CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var rows = await ParkedFor(db, accountId, customer).Take(1000).ToListAsync(cancellationToken);
        var settings = registry.Settings(accountId);
        return TypedResults.Ok(rows.Select(row => ParkedView.From(row, settings)).ToList());
    }

    /// <summary>An account's parked events, oldest first, of one customer when named.</summary>
    public static IQueryable<ParkedEventRow> ParkedFor(InletDb db, string accountId, string? customer) =>
        db.ParkedEvents.AsNoTracking().Where(p => p.AccountId == accountId && (customer == null || p.CustomerId == customer)).OrderBy(p => p.Id);
}
