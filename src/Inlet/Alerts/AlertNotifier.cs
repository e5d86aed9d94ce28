using Inlet.Data;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Alerts;

/// <summary>
/// Sends the notifications the evaluations queued, oldest incident first, a firing one before its resolved one: a POST of
/// <see cref="AlertNotification"/> through the <c>alerts</c> client, which retries with back-off (<see cref="AlertsSetup"/>).
/// Every attempt is stored as an <see cref="AlertDeliveryRow"/>; a notice is then marked delivered (a 2xx) or failed (the
/// retries spent), so it is sent once however often this runs, and after a restart too.
/// </summary>
internal sealed partial class AlertNotifier(InletDb db, AlertTurns turns, WriteGate gate, IHttpClientFactory clients, ILogger<AlertNotifier> logger)
{
    public const string Client = "alerts";

    /// <summary>How many notifications it sent (delivered or given up), or null when another node is sending them.</summary>
    public async Task<int?> DeliverPendingAsync(CancellationToken cancellationToken)
    {
        using var turn = await turns.EnterDeliveryAsync(cancellationToken);
        await using var delivering = await NodeLocks.TryTakeAsync(db, NodeLocks.AlertDelivery, cancellationToken);
        if (delivering is null)
        {
            return null;
        }
        var pending = await (from i in db.AlertIncidents
                             where i.FiringNotice == Notices.Pending || i.ResolvedNotice == Notices.Pending
                             orderby i.FiredAt, i.Id
                             join r in db.AlertRules on i.RuleId equals r.Id
                             join w in db.Webhooks on i.WebhookId equals w.Id
                             select new { Incident = i, Rule = r, WebhookName = w.Name }).Take(100).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var item in pending)
        {
            if (item.Incident.FiringNotice == Notices.Pending)
            {
                item.Incident.FiringNotice = await SendAsync(AlertNotification.From(AlertNotification.Firing, item.Incident, item.Rule, item.WebhookName), item.Rule, cancellationToken);
                sent++;
            }
            if (item.Incident.ResolvedNotice == Notices.Pending)
            {
                item.Incident.ResolvedNotice = await SendAsync(AlertNotification.From(AlertNotification.Resolved, item.Incident, item.Rule, item.WebhookName), item.Rule, cancellationToken);
                sent++;
            }
            using (await gate.EnterAsync(cancellationToken))
            {
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        return sent;
    }

    /// <summary>Sends one notification with its retries, records each attempt, and says what became of it.</summary>
    private async Task<string> SendAsync(AlertNotification notification, AlertRuleRow rule, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, rule.NotifyUrl) { Content = JsonContent.Create(notification, options: Json) };
        var attempts = new List<DeliveryAttempt>();
        request.Options.Set(DeliveryAttempts.Key, attempts);
        bool delivered;
        try
        {
            using var response = await clients.CreateClient(Client).SendAsync(request, cancellationToken);
            delivered = response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivered = false;
        }
        db.AlertDeliveries.AddRange(attempts.Select((a, i) => new AlertDeliveryRow
        {
            Id = Ids.New("dlv"), IncidentId = notification.Incident, Status = notification.Status, Attempt = i + 1, AttemptedAt = a.At, StatusCode = a.StatusCode, Error = a.Error,
        }));
        // The URL may hold a secret (a Slack webhook's does): the log names the rule.
        if (delivered)
        {
            LogDelivered(notification.Status, rule.Id, attempts.Count);
        }
        else
        {
            LogGaveUp(notification.Status, rule.Id, attempts.Count, attempts.LastOrDefault()?.Describe());
        }
        return delivered ? Notices.Delivered : Notices.Failed;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notification {Status} of rule {RuleId} delivered after {Attempts} attempts")]
    private partial void LogDelivered(string status, string ruleId, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert notification {Status} of rule {RuleId} not delivered after {Attempts} attempts; the last: {Last}")]
    private partial void LogGaveUp(string status, string ruleId, int attempts, string? last);
}

/// <summary>One attempt as the innermost handler saw it: its time, and the answer's status code or what went wrong.</summary>
internal sealed record DeliveryAttempt(DateTimeOffset At, int? StatusCode, string? Error)
{
    public string Describe() => StatusCode is { } code ? $"HTTP {code}" : Error ?? "no answer";
}

/// <summary>
/// The handler under the retries: it sees every attempt and notes it in the request's options, where
/// <see cref="AlertNotifier"/> collects them.
/// </summary>
internal sealed class DeliveryAttempts(TimeProvider clock) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<List<DeliveryAttempt>> Key = new("inlet.alert-attempts");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(Key, out var attempts);
        var at = clock.GetUtcNow();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            attempts?.Add(new(at, (int)response.StatusCode, null));
            return response;
        }
        catch (Exception e)
        {
            attempts?.Add(new(at, null, e is OperationCanceledException ? "no answer in time" : e.GetBaseException().Message));
            throw;
        }
    }
}
