using System.Globalization;
using Inlet.Alerts;

namespace Inlet.Backoffice.Alerts;

/// <summary>
/// The rule form as typed: text, so nothing typed is lost. It becomes the API's <see cref="AlertRuleInput"/> and is checked by
/// the same rules, so the messages are the API's, shown beside the fields they name.
/// </summary>
public sealed class AlertRuleForm
{
    public string? Name { get; set; }
    public string? WebhookId { get; set; }
    public string Kind { get; set; } = AlertKinds.FailureRate;
    public string? Threshold { get; set; } = "0.2";
    public string? WindowMinutes { get; set; } = "5";
    public string? MinRequests { get; set; } = "10";
    public string? NotifyUrl { get; set; }

    /// <summary>The form's field of an API field, for the messages.</summary>
    public static string FieldOf(string apiField) => apiField switch
    {
        "name" => nameof(Name),
        "webhookId" => nameof(WebhookId),
        "condition.kind" or "condition" => nameof(Kind),
        "condition.threshold" => nameof(Threshold),
        "condition.windowMinutes" => nameof(WindowMinutes),
        "condition.minRequests" => nameof(MinRequests),
        _ => nameof(NotifyUrl),
    };

    /// <summary>
    /// What the API would be sent. A number that does not read as one goes as a value out of range, so its message is the
    /// API's; the fields a silence rule has not are left out, as the form hides them.
    /// </summary>
    internal AlertRuleInput ToInput()
    {
        var failureRate = Kind == AlertKinds.FailureRate;
        double? threshold = double.TryParse(Threshold, NumberStyles.Float, CultureInfo.InvariantCulture, out var share) && double.IsFinite(share) ? share : null;
        int? window = int.TryParse(WindowMinutes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes) ? minutes : null;
        int? minRequests = string.IsNullOrWhiteSpace(MinRequests) ? null : int.TryParse(MinRequests, NumberStyles.Integer, CultureInfo.InvariantCulture, out var least) ? least : 0;
        return new(Name, string.IsNullOrEmpty(WebhookId) ? null : WebhookId,
            new(Kind, failureRate ? threshold : null, window, failureRate ? minRequests : null), new(NotifyUrl?.Trim()));
    }

    internal static AlertRuleForm From(AlertRuleRow rule) => new()
    {
        Name = rule.Name, WebhookId = rule.WebhookId, Kind = rule.Kind,
        Threshold = rule.Threshold?.ToString(CultureInfo.InvariantCulture) ?? "0.2",
        WindowMinutes = rule.WindowMinutes.ToString(CultureInfo.InvariantCulture),
        MinRequests = rule.MinRequests?.ToString(CultureInfo.InvariantCulture) ?? "10",
        NotifyUrl = rule.NotifyUrl,
    };

    /// <summary>The condition in words, for the list.</summary>
    internal static string Describe(AlertRuleRow rule) => rule.Kind == AlertKinds.FailureRate
        ? string.Create(CultureInfo.InvariantCulture, $"{rule.Threshold:P0} or more not 2xx over {rule.WindowMinutes} min (at least {rule.MinRequests} requests)")
        : string.Create(CultureInfo.InvariantCulture, $"no request in {rule.WindowMinutes} min");
}
