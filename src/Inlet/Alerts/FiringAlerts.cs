using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Alerts;

internal sealed record FiringAlert(string RuleId, string RuleName, string WebhookId, string WebhookName, DateTimeOffset FiredAt);

/// <summary>
/// An account's alerts firing now: the Backoffice banner reads it on every page, so it is one query on the index of open
/// incidents (which holds only those), joined to two primary keys.
/// </summary>
internal static class FiringAlerts
{
    public static Task<List<FiringAlert>> OfAccountAsync(InletDb db, string accountId, CancellationToken cancellationToken) =>
        (from i in db.AlertIncidents.AsNoTracking()
         where i.AccountId == accountId && i.ResolvedAt == null
         join r in db.AlertRules on i.RuleId equals r.Id
         join w in db.Webhooks on i.WebhookId equals w.Id
         orderby i.FiredAt, i.Id
         select new FiringAlert(r.Id, r.Name, w.Id, w.Name, i.FiredAt)).ToListAsync(cancellationToken);

    /// <summary>The banner's words: "1 alert firing: Shop failures on Points shop", naming three at most.</summary>
    public static string Banner(IReadOnlyList<FiringAlert> firing)
    {
        var named = string.Join(", ", firing.Take(3).Select(f => $"{f.RuleName} on {f.WebhookName}"));
        var more = firing.Count > 3 ? $" and {firing.Count - 3} more" : "";
        return $"{firing.Count} {(firing.Count == 1 ? "alert" : "alerts")} firing: {named}{more}";
    }
}
