using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Inlet.Accounts;
using Inlet.Hosting;
using Inlet.Samples;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Webhooks;

/// <summary>Creating, replacing and moving webhooks through their lifecycle over the REST API (spec §5, §7); the rules are in <see cref="WebhookEditor"/>.</summary>
internal static class WebhookChanges
{
    public static RouteGroupBuilder MapWebhookChanges(this RouteGroupBuilder webhooks)
    {
        webhooks.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Create a webhook from a full definition, or from {\"blueprint\": \"<id>\", ...overrides}; it starts inactive");
        webhooks.MapPut("/{id}", ReplaceAsync).WithName("ReplaceWebhook")
            .WithSummary("Replace the definition (a new version); If-Match: <version> guards against lost updates; 409 samples_changed unless acceptSampleChanges=true");
        webhooks.MapPost("/{id}/activate", (string id, ClaimsPrincipal user, HttpRequest request, WebhookEditor editor, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Active, user, request, editor, ct)).WithName("ActivateWebhook").WithSummary("Set active");
        webhooks.MapPost("/{id}/deactivate", (string id, ClaimsPrincipal user, HttpRequest request, WebhookEditor editor, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Inactive, user, request, editor, ct)).WithName("DeactivateWebhook").WithSummary("Set inactive");
        webhooks.MapPost("/{id}/archive", (string id, ClaimsPrincipal user, HttpRequest request, WebhookEditor editor, CancellationToken ct) =>
            TransitionAsync(id, WebhookStatus.Archived, user, request, editor, ct)).WithName("ArchiveWebhook")
            .WithSummary("Archive an inactive webhook: irreversible, read-only, frees its endpoint");
        return webhooks;
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> CreateAsync(
        JsonElement body, ClaimsPrincipal user, HttpRequest request, WebhookEditor editor, CancellationToken cancellationToken)
    {
        var definition = DefinitionReader.Read(body, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        var result = await editor.CreateAsync(user.AccountId(), definition, cancellationToken);
        return result is EditResult.Saved saved
            ? TypedResults.Created($"/api/v1/webhooks/{saved.Row.Id}", WebhooksApi.View(saved.Row, request))
            : Problem(result, "");
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> ReplaceAsync(
        string id, JsonElement body, bool? acceptSampleChanges, ClaimsPrincipal user, HttpContext http, WebhookEditor editor, CancellationToken cancellationToken)
    {
        if (!TryExpectedVersion(http.Request, out var expected, out var mismatch))
        {
            return mismatch;
        }
        var definition = DefinitionReader.Read(body, out var readError);
        if (definition is null)
        {
            return Problems.Invalid([readError!]);
        }
        var result = await editor.ReplaceAsync(user.AccountId(), id, definition, expected, cancellationToken, acceptSampleChanges ?? false);
        if (result is not EditResult.Saved saved)
        {
            return Problem(result, id);
        }
        http.Response.Headers.ETag = $"\"{saved.Row.Version}\"";
        return TypedResults.Ok(WebhooksApi.View(saved.Row, http.Request));
    }

    /// <summary>The version an <c>If-Match</c> header expects (none when absent or <c>*</c>); false with a 412 when it names none.</summary>
    internal static bool TryExpectedVersion(HttpRequest request, out int? expected, out ProblemHttpResult problem)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/');
        (expected, problem) = (null, null!);
        if (ifMatch.Length == 0 || ifMatch == "*")
        {
            return true;
        }
        if (!int.TryParse(ifMatch, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            problem = Problems.Status(412, "version_mismatch", $"If-Match '{ifMatch}' is not a version: send the version you read, e.g. \"3\"");
            return false;
        }
        expected = version;
        return true;
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> TransitionAsync(
        string id, string target, ClaimsPrincipal user, HttpRequest request, WebhookEditor editor, CancellationToken cancellationToken)
    {
        var result = await editor.TransitionAsync(user.AccountId(), id, target, cancellationToken);
        return result is EditResult.Saved saved ? TypedResults.Ok(WebhooksApi.View(saved.Row, request)) : Problem(result, id);
    }

    internal static ProblemHttpResult Problem(EditResult result, string id) => result switch
    {
        EditResult.Invalid invalid => Problems.Invalid(invalid.Errors),
        EditResult.Refused refused => Problems.Status(refused.Status, refused.Code, refused.Message),
        EditResult.SamplesChanged changed => SamplesApi.Changed(changed.Changes),
        _ => Problems.NotFound($"webhook {id}"),
    };
}
