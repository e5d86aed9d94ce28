using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Logs;

/// <summary>The request logs of an account (spec §7, §9): searched newest first, read one by one, pruned in the background.</summary>
internal static class LogsApi
{
    public static IServiceCollection AddLogs(this IServiceCollection services)
    {
        services.AddScoped<LogPruner>();
        services.AddScoped<Parked.ParkedExpiry>();
        services.AddScoped<LogPartitions>();
        services.AddScoped<LogReplay>();
        services.AddHostedService<LogPruning>();
        return services;
    }

    public static RouteGroupBuilder MapLogs(this RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/logs").WithTags("Logs");
        logs.MapGet("/", ListAsync).WithName("ListLogs").WithSummary("Search request logs, newest first")
            .WithDescription("Filters by webhookId, outcome, status, customer, a time range on receivedAt (from inclusive, to exclusive, "
                + "ISO 8601) and q, a case-sensitive substring of the body. limit is 1 to 500 (default 50); "
                + "pass nextCursor as cursor for the next page.");
        logs.MapGet("/{id}", GetAsync).WithName("GetLog").WithSummary("Read one request log: headers (redacted), body, response, traces");
        logs.MapPost("/{id}/replay", ReplayAsync).WithName("ReplayLog")
            .WithSummary("Run a logged request again through its webhook's current version; answers the new log row")
            .WithDescription("Verification is not repeated. A request that was processed is refused (409 already_processed), so no event is registered twice.");
        return api;
    }

    private static async Task<Results<Ok<LogPage>, ProblemHttpResult>> ListAsync(
        [AsParameters] LogQuery query, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        if (query.Read(out var errors) is not { } filter)
        {
            return Problems.Invalid(errors, "invalid_query", "The query has faults");
        }
        var accountId = user.AccountId();
        return TypedResults.Ok(await filter.PageAsync(db, accountId, cancellationToken));
    }

    private static async Task<Results<Ok<LogDetail>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var row = await db.RequestLogs.AsNoTracking().FirstOrDefaultAsync(l => l.AccountId == accountId && l.Id == id, cancellationToken);
        return row is null ? Problems.NotFound($"request log {id}") : TypedResults.Ok(LogDetail.From(row));
    }

    private static async Task<Results<Created<LogDetail>, ProblemHttpResult>> ReplayAsync(
        string id, ClaimsPrincipal user, LogReplay replay, HttpResponse response, IOptions<IngestionOptions> options, CancellationToken cancellationToken) =>
        await replay.ReplayAsync(user.AccountId(), id, cancellationToken) switch
        {
            ReplayResult.Replayed r => TypedResults.Created($"/api/v1/logs/{r.Log.Id}", LogDetail.From(r.Log)),
            ReplayResult.Refused { Status: StatusCodes.Status503ServiceUnavailable } r => Problems.Unavailable(response, options.Value.RetryAfterSeconds, r.Message),
            ReplayResult.Refused r => Problems.Status(r.Status, r.Code, r.Message),
            _ => Problems.NotFound($"request log {id}"),
        };
}
