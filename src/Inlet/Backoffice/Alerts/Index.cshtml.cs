using Inlet.Alerts;
using Inlet.Data;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Alerts;

/// <summary>The Alerts page: the account's rules, whether each is firing and where, and the form that creates one.</summary>
public sealed class IndexModel : AlertRulePage
{
    internal IReadOnlyList<AlertRuleRow> Rules { get; private set; } = [];

    internal IReadOnlyList<FiringAlert> Firing { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadWebhooksAsync();
        Rules = await Get<AlertRuleBook>().ListAsync(AccountId, Aborted);
        Firing = await FiringAlerts.OfAccountAsync(Get<InletDb>(), AccountId, Aborted);
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var saved = await SaveAsync(null);
        if (saved.Rule is { } rule)
        {
            Notice = $"The rule {rule.Name} is saved: it is evaluated from now on.";
            return Redirect("/backoffice/alerts");
        }
        await OnGetAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string ruleId)
    {
        Notice = await Get<AlertRuleBook>().DeleteAsync(AccountId, ruleId, Aborted) ? "The rule is deleted, with its history." : "That rule was already deleted.";
        return Redirect("/backoffice/alerts");
    }
}
