namespace Inlet.Backoffice.Logs;

/// <summary>Every request the account's webhook URLs received, whichever webhook (if any) took it.</summary>
public sealed class LogListModel : LogListPage
{
    public override string ListPath => "/backoffice/logs";

    public override bool ShowsWebhook => true;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(webhookId: null, cancellationToken);
}
