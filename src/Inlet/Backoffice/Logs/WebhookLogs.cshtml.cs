using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Logs;

/// <summary>The Logs tab of a webhook (the manual's "Logs"): the requests it received, newest first, filtered.</summary>
public sealed class WebhookLogsModel : LogListPage
{
    public string WebhookId { get; private set; } = "";

    public string? Name { get; private set; }

    public override string ListPath => $"/backoffice/webhooks/{WebhookId}/logs";

    public override bool ShowsWebhook => false;

    public override string? WebhookFilter => WebhookId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        WebhookId = id;
        var accountId = AccountId;
        Name = await WebhookNameAsync(id);
        if (Name is null)
        {
            // Another account's webhook is as unknown as one that never existed.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        await LoadAsync(id, cancellationToken);
        return Page();
    }
}
