using System.Globalization;
using System.Text.Json;
using Inlet.Data;
using Inlet.Events;
using Inlet.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Customers;

/// <summary>A member: status, profile, labels, balances, and their event history newest first (the manual's "Customer insights").</summary>
public sealed class CustomerModel : BackofficePage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    public string Id { get; private set; } = "";

    internal MemberRow? Member { get; private set; }

    public IReadOnlyDictionary<string, string> Profile { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> Labels { get; private set; } = [];

    internal IReadOnlyList<EventRow> History { get; private set; } = [];

    public IReadOnlyDictionary<string, string> WebhookNames { get; private set; } = new Dictionary<string, string>();

    public string? OlderUrl { get; private set; }

    /// <summary>For an ID that is not a member yet: the events parked for it (account setting <c>unknownCustomer: park</c>).</summary>
    internal IReadOnlyList<Inlet.Parked.ParkedView> ParkedEvents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        Id = MemberQueries.IdFromPath(id);
        var db = Get<InletDb>();
        var accountId = AccountId;
        Member = await MemberQueries.FindAsync(db, accountId, id, cancellationToken);
        if (Member is null)
        {
            // Another account's member is as unknown as one that never enrolled.
            Response.StatusCode = StatusCodes.Status404NotFound;
            var settings = Get<Inlet.Webhooks.WebhookRegistry>().Settings(accountId);
            ParkedEvents = [.. (await Inlet.Parked.ParkedApi.ParkedFor(db, accountId, Id).Take(PageSize).ToListAsync(cancellationToken))
                .Select(row => Inlet.Parked.ParkedView.From(row, settings))];
            return Page();
        }
        Profile = JsonSerializer.Deserialize<Dictionary<string, string>>(Member.ProfileJson) ?? [];
        Labels = JsonSerializer.Deserialize<List<string>>(Member.LabelsJson) ?? [];
        var (history, next) = await MemberQueries.HistoryAsync(db, accountId, id, null, PageSize, Cursor, cancellationToken);
        History = history;
        OlderUrl = next is null ? null : $"/backoffice/customers/{Uri.EscapeDataString(Id)}?cursor={next}";
        var webhookIds = History.Select(e => SourceWebhook(e.Source)?.Id).OfType<string>().Distinct().ToList();
        WebhookNames = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && webhookIds.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        return Page();
    }

    /// <summary>The webhook and version in an event's source (<c>webhook:&lt;id&gt;@v&lt;version&gt;</c>), or null for the API.</summary>
    public static (string Id, int Version)? SourceWebhook(string source)
    {
        if (!source.StartsWith("webhook:", StringComparison.Ordinal))
        {
            return null;
        }
        var at = source.LastIndexOf("@v", StringComparison.Ordinal);
        return at > "webhook:".Length && int.TryParse(source.AsSpan(at + 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (source["webhook:".Length..at], version)
            : null;
    }
}
