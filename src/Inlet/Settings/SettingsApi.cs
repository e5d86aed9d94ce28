using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Engine.Members;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Settings;

/// <summary>The account settings of spec §6: earn rate, pending checkouts, unknown customers, negative balances. The next event reads them.</summary>
internal static class SettingsApi
{
    public static RouteGroupBuilder MapSettings(this RouteGroupBuilder api)
    {
        var settings = api.MapGroup("/settings").WithTags("Settings");
        settings.MapGet("/", GetAsync).WithName("GetSettings").WithSummary("Read the account settings");
        settings.MapPut("/", ReplaceAsync).WithName("ReplaceSettings")
            .WithSummary("Replace the account settings; a setting left out takes its default")
            .Accepts<AccountSettings>("application/json");
        return api;
    }

    private static async Task<Ok<AccountSettings>> GetAsync(ClaimsPrincipal user, InletDb db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await StoredSettings.ReadAsync(db, user.AccountId(), cancellationToken));

    private static async Task<Results<Ok<AccountSettings>, ProblemHttpResult>> ReplaceAsync(
        HttpRequest request, ClaimsPrincipal user, InletDb db, WriteGate gate, WebhookRegistry registry, CancellationToken cancellationToken)
    {
        using var body = await ParseAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.Invalid([new("", "the body is not JSON: send an object such as {\"earnRate\": 1}")], "invalid_settings", "The settings have faults");
        }
        if (SettingsReader.Read(body.RootElement, out var errors) is not { } settings)
        {
            return Problems.Invalid(errors, "invalid_settings", "The settings have faults");
        }
        var accountId = user.AccountId();
        await StoredSettings.ReplaceAsync(db, gate, accountId, settings, cancellationToken);
        // Events read the settings from the compiled snapshot: the next one sees the new settings.
        await registry.ReloadAfterChangeAsync(accountId);
        return TypedResults.Ok(settings);
    }

    // Read here rather than bound, so a body that is not JSON gets the same 400 problem as a wrong value.
    private static async Task<JsonDocument?> ParseAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
