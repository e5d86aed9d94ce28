using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Alerts;

/// <summary>What saving a rule did: the rule saved, or the faults that kept it from being saved, or that it does not exist.</summary>
internal sealed record RuleSave(AlertRuleRow? Rule, IReadOnlyList<ValidationError> Faults)
{
    public static RuleSave NotFound { get; } = new(null, []);
}

/// <summary>An account's alert rules, for the API and the Backoffice alike: the same checks, the same messages.</summary>
internal sealed class AlertRuleBook(InletDb db, TimeProvider clock, IOptions<AlertOptions> options)
{
    public Task<List<AlertRuleRow>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.AlertRules.AsNoTracking().Where(r => r.AccountId == accountId).OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    public Task<AlertRuleRow?> FindAsync(string accountId, string id, CancellationToken cancellationToken) =>
        db.AlertRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, cancellationToken);

    /// <summary>Creates a rule (<paramref name="id"/> null) or replaces one of the account's.</summary>
    public async Task<RuleSave> SaveAsync(string accountId, string? id, AlertRuleInput input, CancellationToken cancellationToken)
    {
        var row = id is null ? null : await db.AlertRules.FirstOrDefaultAsync(r => r.Id == id && r.AccountId == accountId, cancellationToken);
        if (id is not null && row is null)
        {
            return RuleSave.NotFound;
        }
        var webhookIds = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && w.Status != WebhookStatus.Archived).Select(w => w.Id).ToListAsync(cancellationToken);
        if (input.Faults(webhookIds, options.Value) is { Count: > 0 } faults)
        {
            return new(null, faults);
        }
        var now = clock.GetUtcNow();
        var condition = input.Condition!;
        var failureRate = condition.Kind == AlertKinds.FailureRate;
        row ??= db.AlertRules.Add(new AlertRuleRow
        {
            Id = Ids.New("alr"), AccountId = accountId, Name = "", Kind = "", NotifyUrl = "", CreatedAt = now,
        }).Entity;
        row.Name = input.Name!.Trim();
        row.WebhookId = string.IsNullOrEmpty(input.WebhookId) ? null : input.WebhookId;
        row.Kind = condition.Kind!;
        row.Threshold = failureRate ? condition.Threshold : null;
        row.WindowMinutes = condition.WindowMinutes!.Value;
        row.MinRequests = failureRate ? condition.MinRequests ?? 1 : null;
        row.NotifyUrl = input.Notify!.Url!;
        row.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new(row, []);
    }

    /// <summary>Deletes a rule with its history (the store cascades to its incidents and their deliveries); false when the account has no such rule.</summary>
    public async Task<bool> DeleteAsync(string accountId, string id, CancellationToken cancellationToken) =>
        await db.AlertRules.Where(r => r.Id == id && r.AccountId == accountId).ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>The rule's incidents, newest first, with their delivery attempts.</summary>
    public async Task<List<(AlertIncidentRow Incident, string WebhookName, List<AlertDeliveryRow> Deliveries)>> HistoryAsync(
        string ruleId, int limit, CancellationToken cancellationToken)
    {
        var incidents = await (from i in db.AlertIncidents.AsNoTracking()
                               where i.RuleId == ruleId
                               orderby i.FiredAt descending
                               join w in db.Webhooks on i.WebhookId equals w.Id
                               select new { Incident = i, w.Name }).Take(limit).ToListAsync(cancellationToken);
        var ids = incidents.Select(i => i.Incident.Id).ToList();
        var deliveries = await db.AlertDeliveries.AsNoTracking().Where(d => ids.Contains(d.IncidentId))
            .OrderBy(d => d.AttemptedAt).ThenBy(d => d.Attempt).ToListAsync(cancellationToken);
        return [.. incidents.Select(i => (i.Incident, i.Name, deliveries.Where(d => d.IncidentId == i.Incident.Id).ToList()))];
    }
}
