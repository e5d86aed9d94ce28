using Inlet.Data;
using Inlet.Hosting;
using Inlet.Traffic;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Alerts;

/// <summary>What one evaluation changed: the incidents it opened and those it resolved.</summary>
internal sealed record Evaluation(IReadOnlyList<AlertIncidentRow> Fired, IReadOnlyList<AlertIncidentRow> Resolved);

/// <summary>
/// One evaluation of every rule of every account, from the minute rollups (never the request log): a rule whose condition
/// holds for a webhook opens an incident there, one that no longer holds resolves it. Notifications are queued on the
/// incident and sent by <see cref="AlertNotifier"/>, outside this turn, so a slow receiver never delays the evaluation.
/// </summary>
internal sealed partial class AlertEvaluator(InletDb db, AlertTurns turns, WriteGate gate, TimeProvider clock, ILogger<AlertEvaluator> logger)
{
    /// <summary>What changed, or null when another node is evaluating and this one left it to that node.</summary>
    public async Task<Evaluation?> EvaluateAsync(CancellationToken cancellationToken)
    {
        // One evaluation at a time in this process (the loop, a test), and over a shared store one node at a time.
        using var turn = await turns.EnterEvaluationAsync(cancellationToken);
        await using var evaluating = await NodeLocks.TryTakeAsync(db, NodeLocks.AlertEvaluation, cancellationToken);
        if (evaluating is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var rules = await db.AlertRules.AsNoTracking().ToListAsync(cancellationToken);
        var accounts = rules.Select(r => r.AccountId).Distinct().ToList();
        var webhooks = await db.Webhooks.AsNoTracking().Where(w => w.Status == WebhookStatus.Active && accounts.Contains(w.AccountId))
            .Select(w => new Watched(w.Id, w.AccountId, w.CreatedAt)).ToListAsync(cancellationToken);
        var open = await db.AlertIncidents.Where(i => i.ResolvedAt == null).ToListAsync(cancellationToken);
        var fired = new List<AlertIncidentRow>();
        var resolved = new List<AlertIncidentRow>();
        foreach (var rule in rules)
        {
            var from = RequestTally.Truncate(now, TimeSpan.FromMinutes(1)).AddMinutes(1 - rule.WindowMinutes);
            var counts = await TrafficQueries.MinutesAsync(db, rule.AccountId, rule.WebhookId, from, cancellationToken);
            var targets = webhooks.Where(w => w.AccountId == rule.AccountId && (rule.WebhookId is null || w.Id == rule.WebhookId)).ToList();
            foreach (var webhook in targets)
            {
                var bucket = counts.GetValueOrDefault(webhook.Id);
                var (requests, failures) = (bucket?.Total ?? 0, bucket?.Failures ?? 0);
                var incident = open.FirstOrDefault(i => i.RuleId == rule.Id && i.WebhookId == webhook.Id);
                var holds = Holds(rule, webhook, requests, failures, now);
                if (holds && incident is null)
                {
                    fired.Add(db.AlertIncidents.Add(new AlertIncidentRow
                    {
                        Id = Ids.New("inc"), AccountId = rule.AccountId, RuleId = rule.Id, WebhookId = webhook.Id, FiredAt = now, Requests = requests, Failures = failures,
                    }).Entity);
                }
                else if (!holds && incident is not null)
                {
                    resolved.Add(Resolve(incident, now, requests, failures));
                }
            }
            // A webhook the rule no longer watches (made inactive, archived, or the rule changed) has nothing left to fire on.
            foreach (var gone in open.Where(i => i.RuleId == rule.Id && !targets.Any(t => t.Id == i.WebhookId)))
            {
                resolved.Add(Resolve(gone, now, 0, 0));
            }
        }
        if (fired.Count + resolved.Count > 0)
        {
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            foreach (var incident in fired)
            {
                LogFired(incident.RuleId, incident.WebhookId, incident.Requests, incident.Failures);
            }
            foreach (var incident in resolved)
            {
                LogResolved(incident.RuleId, incident.WebhookId);
            }
        }
        return new(fired, resolved);
    }

    /// <summary>
    /// failure_rate: at least minRequests requests in the window and a share of them not 2xx at or above the threshold.
    /// silence: no request in the window, for a webhook that has existed for the whole window.
    /// </summary>
    private static bool Holds(AlertRuleRow rule, Watched webhook, long requests, long failures, DateTimeOffset now) => rule.Kind switch
    {
        AlertKinds.FailureRate => requests > 0 && requests >= (rule.MinRequests ?? 1) && (double)failures / requests >= rule.Threshold,
        AlertKinds.Silence => requests == 0 && webhook.CreatedAt <= now.AddMinutes(-rule.WindowMinutes),
        _ => false,
    };

    private static AlertIncidentRow Resolve(AlertIncidentRow incident, DateTimeOffset now, long requests, long failures)
    {
        incident.ResolvedAt = now;
        incident.ResolvedRequests = requests;
        incident.ResolvedFailures = failures;
        incident.ResolvedNotice = Notices.Pending;
        return incident;
    }

    private sealed record Watched(string Id, string AccountId, DateTimeOffset CreatedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert rule {RuleId} fired on webhook {WebhookId}: {Failures} of {Requests} requests not 2xx in its window")]
    private partial void LogFired(string ruleId, string webhookId, long requests, long failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert rule {RuleId} resolved on webhook {WebhookId}")]
    private partial void LogResolved(string ruleId, string webhookId);
}

/// <summary>This process's turns: one evaluation and one round of deliveries at a time (the node locks order the nodes).</summary>
internal sealed class AlertTurns : IDisposable
{
    private readonly WriteGate _evaluation = new();
    private readonly WriteGate _delivery = new();

    public Task<IDisposable> EnterEvaluationAsync(CancellationToken cancellationToken) => _evaluation.EnterAsync(cancellationToken);

    public Task<IDisposable> EnterDeliveryAsync(CancellationToken cancellationToken) => _delivery.EnterAsync(cancellationToken);

    public void Dispose()
    {
        _evaluation.Dispose();
        _delivery.Dispose();
    }
}
