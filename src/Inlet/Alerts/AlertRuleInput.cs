using Inlet.Engine.Validation;

namespace Inlet.Alerts;

/// <summary>A rule's condition, as the API reads and writes it: <c>failure_rate</c> (threshold, window, minimum requests) or <c>silence</c> (window).</summary>
internal sealed record AlertCondition(string? Kind, double? Threshold = null, int? WindowMinutes = null, int? MinRequests = null);

internal sealed record AlertNotify(string? Url);

/// <summary>A rule as sent to <c>POST</c> and <c>PUT /api/v1/alerts</c>, and by the Backoffice form.</summary>
internal sealed record AlertRuleInput(string? Name, string? WebhookId, AlertCondition? Condition, AlertNotify? Notify)
{
    public const int MaxNameLength = 100;

    /// <summary>Every fault at once, by field, each saying how to fix it; none when the rule can be saved.</summary>
    public List<ValidationError> Faults(IReadOnlyCollection<string> webhookIds, AlertOptions options)
    {
        var faults = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(Name))
        {
            faults.Add(new("name", "give the rule a name that says what it watches, e.g. \"Shop failures\""));
        }
        else if (Name.Trim().Length > MaxNameLength)
        {
            faults.Add(new("name", $"use at most {MaxNameLength} characters"));
        }
        if (!string.IsNullOrEmpty(WebhookId) && !webhookIds.Contains(WebhookId))
        {
            faults.Add(new("webhookId", $"'{WebhookId}' is not one of this account's webhooks: give the id of one (wh_…), or leave it out to watch every active webhook"));
        }
        ConditionFaults(faults);
        NotifyFaults(faults, options);
        return faults;
    }

    private void ConditionFaults(List<ValidationError> faults)
    {
        if (Condition is not { } condition)
        {
            faults.Add(new("condition", "give a condition: {\"kind\":\"failure_rate\",\"threshold\":0.2,\"windowMinutes\":5,\"minRequests\":10} or {\"kind\":\"silence\",\"windowMinutes\":60}"));
            return;
        }
        if (condition.Kind is not (AlertKinds.FailureRate or AlertKinds.Silence))
        {
            faults.Add(new("condition.kind", $"'{condition.Kind}' is not a condition: use failure_rate (too many answers not 2xx) or silence (no requests)"));
        }
        if (condition.WindowMinutes is not (>= 1 and <= 1440))
        {
            faults.Add(new("condition.windowMinutes", "give the window in whole minutes, from 1 to 1440 (a day)"));
        }
        if (condition.Kind == AlertKinds.FailureRate)
        {
            if (condition.Threshold is not (> 0 and <= 1))
            {
                faults.Add(new("condition.threshold", "give the share of answers not 2xx that fires the rule, more than 0 and at most 1 (0.2 is 20 %)"));
            }
            if (condition.MinRequests is < 1)
            {
                faults.Add(new("condition.minRequests", "give the fewest requests in the window worth judging, at least 1"));
            }
        }
        else if (condition.Kind == AlertKinds.Silence)
        {
            if (condition.Threshold is not null)
            {
                faults.Add(new("condition.threshold", "a silence condition has no threshold: it fires when a webhook receives nothing in the window"));
            }
            if (condition.MinRequests is not null)
            {
                faults.Add(new("condition.minRequests", "a silence condition has no minRequests: it fires when a webhook receives nothing in the window"));
            }
        }
    }

    private void NotifyFaults(List<ValidationError> faults, AlertOptions options)
    {
        var url = Notify?.Url;
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            faults.Add(new("notify.url", "give the absolute https URL that receives the notifications, e.g. a Slack incoming webhook https://hooks.slack.com/services/…"));
        }
        else if (uri.Scheme == "http" && !options.AllowHttp)
        {
            faults.Add(new("notify.url", "use an https URL: notifications go over http only when the operator sets Inlet:Alerts:AllowHttp=true"));
        }
        else if (!options.AllowPrivateNetworks && System.Net.IPAddress.TryParse(uri.DnsSafeHost, out var address) && NotifyAddresses.IsPrivate(address))
        {
            faults.Add(new("notify.url", $"{uri.DnsSafeHost} is a private address: {NotifyAddresses.Refusal}"));
        }
    }
}
