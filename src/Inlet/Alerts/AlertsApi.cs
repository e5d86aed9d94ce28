using System.Security.Claims;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Alerts;

/// <summary>The account's alert rules over the REST API; the checks are <see cref="AlertRuleInput.Faults"/>, the storing <see cref="AlertRuleBook"/>.</summary>
internal static class AlertsApi
{
    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts");
        alerts.MapGet("/", ListAsync).WithName("ListAlertRules").WithSummary("List the account's alert rules, each with the webhooks it is firing on");
        alerts.MapGet("/{id}", GetAsync).WithName("GetAlertRule").WithSummary("Read one alert rule");
        alerts.MapPost("/", CreateAsync).WithName("CreateAlertRule").WithSummary("Create an alert rule: failure_rate or silence, on one webhook or each active one")
            .WithDescription("Rules are evaluated every Inlet:Alerts:EvaluateEverySeconds (15 s) over the last windowMinutes minutes, the current one included. "
                + "A rule that fires POSTs one notification to notify.url, and one more when it resolves.");
        alerts.MapPut("/{id}", UpdateAsync).WithName("UpdateAlertRule").WithSummary("Replace an alert rule; its open incidents carry on under the new condition");
        alerts.MapDelete("/{id}", DeleteAsync).WithName("DeleteAlertRule").WithSummary("Delete an alert rule with its history");
        return api;
    }

    internal sealed record AlertRuleView(string Id, string Name, string? WebhookId, AlertCondition Condition, AlertNotify Notify,
        DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, List<FiringView> Firing);

    /// <summary>A webhook the rule is firing on now, and since when.</summary>
    internal sealed record FiringView(string WebhookId, string WebhookName, DateTimeOffset FiredAt);

    private static async Task<Ok<List<AlertRuleView>>> ListAsync(ClaimsPrincipal user, AlertRuleBook rules, InletDb db, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId();
        var firing = await FiringAlerts.OfAccountAsync(db, accountId, cancellationToken);
        return TypedResults.Ok((await rules.ListAsync(accountId, cancellationToken)).Select(r => View(r, firing)).ToList());
    }

    private static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult>> GetAsync(
        string id, ClaimsPrincipal user, AlertRuleBook rules, InletDb db, CancellationToken cancellationToken) =>
        await rules.FindAsync(user.AccountId(), id, cancellationToken) is { } rule
            ? TypedResults.Ok(View(rule, await FiringAlerts.OfAccountAsync(db, rule.AccountId, cancellationToken)))
            : Problems.NotFound($"alert rule {id}");

    private static async Task<Results<Created<AlertRuleView>, ProblemHttpResult>> CreateAsync(
        AlertRuleInput rule, ClaimsPrincipal user, AlertRuleBook rules, CancellationToken cancellationToken)
    {
        var saved = await rules.SaveAsync(user.AccountId(), null, rule, cancellationToken);
        return saved.Rule is { } created ? TypedResults.Created($"/api/v1/alerts/{created.Id}", View(created, [])) : Invalid(saved);
    }

    private static async Task<Results<Ok<AlertRuleView>, ProblemHttpResult>> UpdateAsync(
        string id, AlertRuleInput rule, ClaimsPrincipal user, AlertRuleBook rules, InletDb db, CancellationToken cancellationToken)
    {
        var saved = await rules.SaveAsync(user.AccountId(), id, rule, cancellationToken);
        if (saved == RuleSave.NotFound)
        {
            return Problems.NotFound($"alert rule {id}");
        }
        return saved.Rule is { } updated ? TypedResults.Ok(View(updated, await FiringAlerts.OfAccountAsync(db, updated.AccountId, cancellationToken))) : Invalid(saved);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, ClaimsPrincipal user, AlertRuleBook rules, CancellationToken cancellationToken) =>
        await rules.DeleteAsync(user.AccountId(), id, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound($"alert rule {id}");

    private static ProblemHttpResult Invalid(RuleSave saved) => Problems.Invalid(saved.Faults, "invalid_alert_rule", "The alert rule has faults");

    private static AlertRuleView View(AlertRuleRow rule, List<FiringAlert> firing) => new(
        rule.Id, rule.Name, rule.WebhookId, new(rule.Kind, rule.Threshold, rule.WindowMinutes, rule.MinRequests), new(rule.NotifyUrl), rule.CreatedAt, rule.UpdatedAt,
        [.. firing.Where(f => f.RuleId == rule.Id).Select(f => new FiringView(f.WebhookId, f.WebhookName, f.FiredAt))]);
}
