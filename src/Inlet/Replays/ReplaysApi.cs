using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Inlet.Replays;

/// <summary>
/// Bulk replays (spec §7): the logged requests a log filter finds, previewed through their webhooks' current versions, then
/// applied — exactly what the preview showed as newly processed, each at most once in all.
/// </summary>
internal static class ReplaysApi
{
    public static IServiceCollection AddReplays(this IServiceCollection services)
    {
        services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ReplayPreviewer>();
        services.AddScoped<ReplayApplier>();
        services.AddSingleton<ReplayQueue>();
        services.AddHostedService<ReplayWorker>();
        return services;
    }

    public static RouteGroupBuilder MapReplays(this RouteGroupBuilder api)
    {
        var replays = api.MapGroup("/replays").WithTags("Replays");
        replays.MapPost("/", PreviewAsync).WithName("PreviewReplay")
            .WithSummary("Preview replaying the logged requests a filter finds: per request, its outcome now and what a replay would do; totals")
            .WithDescription("The filter takes the log search's fields: webhookId, outcome, status, from, to, customer, q. Nothing is registered.");
        replays.MapGet("/{id}", GetAsync).WithName("GetReplay").WithSummary("Read a bulk replay: its preview, and once applying, progress and what it did");
        replays.MapPost("/{id}/apply", ApplyAsync).WithName("ApplyReplay")
            .WithSummary("Register the previewed requests whose new outcome was processed, in arrival order, each at most once")
            .WithDescription("Answers 200 when done, or 202 while a large replay applies in the background (read its progress). "
                + "A replay is applied once: applying it again answers 409 already_applied.");
        return api;
    }

    private static async Task<Results<Created<ReplayView>, ProblemHttpResult>> PreviewAsync(
        ReplayFilter filter, ClaimsPrincipal user, ReplayPreviewer previewer, InletDb db, IOptions<ReplayOptions> options, CancellationToken cancellationToken)
    {
        if (filter.Read(out var errors) is not { } logFilter)
        {
            return Problems.Invalid(errors, "invalid_filter", "The filter has faults");
        }
        var accountId = user.AccountId();
        if (await previewer.PreviewAsync(accountId, filter, logFilter, cancellationToken) is not { } row)
        {
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "replay_too_large",
                $"the filter finds more than {options.Value.MaxRequests} requests: narrow it (a webhook, an outcome, a shorter time range) and replay in parts");
        }
        return TypedResults.Created($"/api/v1/replays/{row.Id}", (await ReplayView.ReadAsync(db, accountId, row.Id, cancellationToken))!);
    }

    private static async Task<Results<Ok<ReplayView>, ProblemHttpResult>> GetAsync(string id, ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken) =>
        await ReplayView.ReadAsync(db, user.AccountId(), id, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.NotFound($"replay {id}");

    private static async Task<Results<Ok<ReplayView>, Accepted<ReplayView>, ProblemHttpResult>> ApplyAsync(
        string id, ClaimsPrincipal user, ReplayApplier applier, InletDb db, HttpResponse response, IOptions<IngestionOptions> ingestion,
        CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var applied = await applier.ApplyAsync(accountId, id, cancellationToken);
        var view = await ReplayView.ReadAsync(db, accountId, id, cancellationToken);
        return (applied, view) switch
        {
            (_, null) or (Applied.NotFound, _) => Problems.NotFound($"replay {id}"),
            (Applied.Done, _) => TypedResults.Ok(view),
            (Applied.Background, _) => TypedResults.Accepted($"/api/v1/replays/{id}", view),
            (Applied.AlreadyApplied, _) => Problems.Status(StatusCodes.Status409Conflict, "already_applied",
                "this replay was applied already: nothing more was registered. Preview a new replay for requests that still fail"),
            (Applied.Busy, _) => Problems.Status(StatusCodes.Status409Conflict, "replay_applying", "this replay is being applied: read it to follow its progress"),
            _ => Problems.Unavailable(response, ingestion.Value.RetryAfterSeconds,
                "the store is unavailable: the requests applied so far stay applied; apply again to finish the rest"),
        };
    }
}
