using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Logs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice.Logs;

/// <summary>
/// What the two log lists share (a webhook's Logs tab and the account's logs): the filter form as sent, read by the same
/// <see cref="LogQuery"/> as <c>GET /api/v1/logs</c>, and one page of rows, newest first.
/// </summary>
public abstract class LogListPage : BackofficePage
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "outcome")]
    public string? Outcome { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "customer")]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true, Name = "limit")]
    public string? Limit { get; set; }

    [BindProperty(SupportsGet = true, Name = "cursor")]
    public string? Cursor { get; set; }

    /// <summary>Where the list lives: the form submits to it and the "Older" link pages it.</summary>
    public abstract string ListPath { get; }

    /// <summary>The webhook the list shows the requests of, when it shows one webhook's.</summary>
    public virtual string? WebhookFilter => null;

    /// <summary>Whether the table says which webhook took each request (not on a webhook's own tab).</summary>
    public abstract bool ShowsWebhook { get; }

    internal IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    internal IReadOnlyList<LogSummary> Rows { get; private set; } = [];

    internal IReadOnlyDictionary<string, string> WebhookNames { get; private set; } = new Dictionary<string, string>();

    internal string? NextCursor { get; private set; }

    internal string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public bool Filtered => new[] { Status, Outcome, From, To, Customer, Text }.Any(v => !string.IsNullOrWhiteSpace(v));

    /// <summary>The next page: the same filters, starting after the last row shown.</summary>
    public string? OlderUrl => NextCursor is null ? null : QueryHelpers.AddQueryString(ListPath, new Dictionary<string, string?>
    {
        ["status"] = Status, ["outcome"] = Outcome, ["from"] = From, ["to"] = To, ["customer"] = Customer, ["q"] = Text, ["limit"] = Limit, ["cursor"] = NextCursor,
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    /// <summary>Reads the filters and loads one page of the account's logs, of one webhook when <paramref name="webhookId"/> is given.</summary>
    protected async Task LoadAsync(string? webhookId, CancellationToken cancellationToken)
    {
        var query = new LogQuery(webhookId, Outcome, Status, From, To, Customer, Text, Limit, Cursor);
        if (query.Read(out var errors) is not { } filter)
        {
            Errors = errors;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var db = Get<InletDb>();
        var accountId = AccountId;
        var page = await filter.PageAsync(db, accountId, cancellationToken);
        var ids = page.Items.Select(l => l.WebhookId).OfType<string>().Distinct().ToList();
        WebhookNames = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && ids.Contains(w.Id))
            .ToDictionaryAsync(w => w.Id, w => w.Name, cancellationToken);
        Rows = page.Items;
        NextCursor = page.NextCursor;
    }
}
