using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine.Blueprints;
using Inlet.Hosting;
using Inlet.Samples;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Webhooks;

/// <summary>Reading webhooks and the blueprints (spec §7). Changes are in <see cref="WebhookChanges"/>, versions in <see cref="WebhookVersionsApi"/>.</summary>
internal static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        api.MapGet("/blueprints", () => TypedResults.Ok(BlueprintCatalog.All))
            .WithName("ListBlueprints").WithSummary("List the blueprints a webhook can be created from").WithTags("Blueprints");
        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("List webhooks; archived ones only when asked (status=archived or all)");
        webhooks.MapGet("/{id}", GetAsync).WithName("GetWebhook").WithSummary("Read one webhook with its full URL");
        webhooks.MapWebhookVersions();
        webhooks.MapSamples();
        webhooks.MapWebhookChanges();
        webhooks.MapDryRuns();
        return api;
    }

    private static async Task<Results<Ok<List<WebhookView>>, ProblemHttpResult>> ListAsync(
        string? status, ClaimsPrincipal user, HttpRequest request, InletDb db, CancellationToken cancellationToken)
    {
        if (status is not (null or "" or "all" or WebhookStatus.Active or WebhookStatus.Inactive or WebhookStatus.Archived))
        {
            return Problems.Status(400, "invalid_query", $"status '{status}' is not one of active, inactive, archived, all");
        }
        var accountId = user.AccountId();
        var query = db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId);
        query = status switch
        {
            null or "" => query.Where(w => w.Status != WebhookStatus.Archived),
            "all" => query,
            _ => query.Where(w => w.Status == status),
        };
        var rows = await query.OrderBy(w => w.Name).ThenBy(w => w.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => View(r, request)).ToList());
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, HttpContext http, InletDb db, CancellationToken cancellationToken)
    {
        var row = await FindAsync(db, user.AccountId(), id, cancellationToken);
        if (row is null)
        {
            return Problems.NotFound($"webhook {id}");
        }
        http.Response.Headers.ETag = $"\"{row.Version}\"";
        return TypedResults.Ok(View(row, http.Request));
    }

    internal static Task<WebhookRow?> FindAsync(InletDb db, string accountId, string id, CancellationToken cancellationToken) =>
        db.Webhooks.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.AccountId == accountId, cancellationToken);

    internal static WebhookView View(WebhookRow row, HttpRequest request) =>
        WebhookView.From(row, request.HttpContext.RequestServices.GetRequiredService<StoredDefinitions>().Read(row), BaseUrl(request));

    /// <summary>Where this Inlet is reached, for full webhook URLs.</summary>
    internal static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
