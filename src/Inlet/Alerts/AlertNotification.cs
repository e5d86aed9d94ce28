using System.Globalization;

namespace Inlet.Alerts;

/// <summary>
/// The JSON a rule's receiver gets: a Slack-compatible <c>text</c>, then the same facts as fields. The link to the webhook's
/// Logs tab is relative to the Backoffice (Inlet is not told the address people reach it at).
/// </summary>
internal sealed record AlertNotification(
    string Text, string Status, NotifiedRule Rule, NotifiedWebhook Webhook, NotifiedCounts Counts, string Incident, DateTimeOffset FiredAt,
    DateTimeOffset? ResolvedAt, string LogsUrl)
{
    public const string Firing = "firing";
    public const string Resolved = "resolved";

    public static AlertNotification From(string status, AlertIncidentRow incident, AlertRuleRow rule, string webhookName)
    {
        var resolved = status == Resolved;
        var counts = new NotifiedCounts(
            resolved ? incident.ResolvedRequests ?? 0 : incident.Requests, resolved ? incident.ResolvedFailures ?? 0 : incident.Failures, rule.WindowMinutes);
        var since = (resolved ? incident.ResolvedAt!.Value : incident.FiredAt).AddMinutes(-rule.WindowMinutes);
        var logsUrl = $"/backoffice/webhooks/{incident.WebhookId}/logs?from={Uri.EscapeDataString(since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture))}";
        var condition = new AlertCondition(rule.Kind, rule.Threshold, rule.WindowMinutes, rule.MinRequests);
        var text = $"{(resolved ? "Resolved" : "Firing")}: {rule.Name} on {webhookName}: {Describe(rule, counts)}. Logs: {logsUrl}";
        return new(text, status, new(rule.Id, rule.Name, condition), new(incident.WebhookId, webhookName), counts, incident.Id, incident.FiredAt,
            resolved ? incident.ResolvedAt : null, logsUrl);
    }

    /// <summary>The counts in words, as the text says them: "7 of 10 requests not 2xx (70 %) in the last 5 minutes; fires at 20 %".</summary>
    public static string Describe(AlertRuleRow rule, NotifiedCounts counts) => rule.Kind == AlertKinds.FailureRate
        ? string.Create(CultureInfo.InvariantCulture,
            $"{counts.Failures} of {counts.Requests} requests not 2xx ({(counts.Requests == 0 ? 0 : (double)counts.Failures / counts.Requests):P0}) in the last {rule.WindowMinutes} minutes; fires at {rule.Threshold:P0} over {rule.MinRequests} requests or more")
        : string.Create(CultureInfo.InvariantCulture, $"{counts.Requests} requests in the last {rule.WindowMinutes} minutes; fires when there are none");
}

internal sealed record NotifiedRule(string Id, string Name, AlertCondition Condition);

internal sealed record NotifiedWebhook(string Id, string Name);

internal sealed record NotifiedCounts(long Requests, long Failures, int WindowMinutes);
