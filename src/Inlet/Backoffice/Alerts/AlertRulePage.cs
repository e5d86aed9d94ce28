using Inlet.Alerts;
using Inlet.Data;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Alerts;

/// <summary>What the Alerts list and a rule's page share: the form, its faults beside their fields, the webhooks to choose from.</summary>
public abstract class AlertRulePage : BackofficePage
{
    [BindProperty]
    public AlertRuleForm Form { get; set; } = new();

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<(string Id, string Name)> Webhooks { get; private set; } = [];

    [TempData]
    public string? Notice { get; set; }

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    protected async Task LoadWebhooksAsync()
    {
        var accountId = AccountId;
        var rows = await Get<InletDb>().Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && w.Status != WebhookStatus.Archived)
            .OrderBy(w => w.Name).Select(w => new { w.Id, w.Name }).ToListAsync(Aborted);
        Webhooks = [.. rows.Select(w => (w.Id, w.Name))];
    }

    /// <summary>Saves the form as a new rule (<paramref name="id"/> null) or over one; null with <see cref="Errors"/> set when it has faults.</summary>
    internal async Task<RuleSave> SaveAsync(string? id)
    {
        var saved = await Get<AlertRuleBook>().SaveAsync(AccountId, id, Form.ToInput(), Aborted);
        Errors = saved.Faults.GroupBy(f => AlertRuleForm.FieldOf(f.Field)).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(f => Sentence(f.Message))));
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return saved;
    }

    private static string Sentence(string message) => char.ToUpperInvariant(message[0]) + message[1..] + ".";
}
