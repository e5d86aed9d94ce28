using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Export;

/// <summary>
/// The account's configuration as one document (spec §7), so that it can live in git: <c>GET /api/v1/export</c> reads it,
/// <c>POST /api/v1/import</c> brings the account in line with it. The command line's <c>export</c> and <c>import</c> do the same.
/// </summary>
internal static class ExportApi
{
    public static IServiceCollection AddExport(this IServiceCollection services) =>
        services.AddScoped<AccountExporter>().AddScoped<AccountImporter>();

    public static RouteGroupBuilder MapExport(this RouteGroupBuilder api)
    {
        api.MapGet("/export", ExportAsync).WithTags("Export").WithName("ExportAccount")
            .WithSummary("The account's settings, event types and webhooks as one JSON document, secrets left out, in a stable order");
        api.MapPost("/import", ImportAsync).WithTags("Export").WithName("ImportAccount")
            .WithSummary("Create or update the account's event types and webhooks (matched by method and endpoint) and its settings from an export; dryRun=true only says what would change");
        return api;
    }

    private static async Task<ContentHttpResult> ExportAsync(ClaimsPrincipal user, AccountExporter exporter, CancellationToken cancellationToken) =>
        TypedResults.Text(AccountExporter.Text(await exporter.ExportAsync(user.AccountId(), cancellationToken)), "application/json", Encoding.UTF8);

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        JsonElement document, bool? dryRun, ClaimsPrincipal user, AccountImporter importer, CancellationToken cancellationToken) =>
        await importer.ImportAsync(user.AccountId(), document, dryRun ?? false, cancellationToken) switch
        {
            ImportResult.Done done => TypedResults.Ok(done.Report),
            ImportResult.Invalid invalid => Problems.Invalid(invalid.Errors, "invalid_import", "The import file has faults: nothing was changed"),
            ImportResult.Stopped stopped => Problems.Status(409, "import_stopped", stopped.Reason),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
}
