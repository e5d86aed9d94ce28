using Inlet.Alerts;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Alerts;

/// <summary>One rule: its form (Save, Delete) and its history, each incident with the attempts at notifying it.</summary>
public sealed class RuleModel : AlertRulePage
{
    public string RuleId { get; private set; } = "";

    public string RuleName { get; private set; } = "";

    internal IReadOnlyList<(AlertIncidentRow Incident, string WebhookName, List<AlertDeliveryRow> Deliveries)> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await Get<AlertRuleBook>().FindAsync(AccountId, id, Aborted) is not { } rule)
        {
            return NotFound();
        }
        Form = AlertRuleForm.From(rule);
        return await ShowAsync(rule);
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await Get<AlertRuleBook>().FindAsync(AccountId, id, Aborted) is not { } rule)
        {
            return NotFound();
        }
        if ((await SaveAsync(id)).Rule is { } saved)
        {
            Notice = $"The rule {saved.Name} is saved.";
            return Redirect($"/backoffice/alerts/{id}");
        }
        return await ShowAsync(rule);
    }

    private async Task<IActionResult> ShowAsync(AlertRuleRow rule)
    {
        RuleId = rule.Id;
        RuleName = rule.Name;
        await LoadWebhooksAsync();
        History = await Get<AlertRuleBook>().HistoryAsync(rule.Id, 50, Aborted);
        return Page();
    }
}
