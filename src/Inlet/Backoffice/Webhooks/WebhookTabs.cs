namespace Inlet.Backoffice.Webhooks;

/// <summary>The tabs of a webhook's pages, and which one is open (<c>Settings</c>, <c>Activity</c>, <c>Logs</c>, <c>Samples</c>, <c>Versions</c>).</summary>
public sealed record WebhookTabs(string WebhookId, string Current)
{
    public static readonly IReadOnlyList<(string Name, string Path)> All = [("Settings", ""), ("Activity", "/activity"), ("Logs", "/logs"), ("Samples", "/samples"), ("Versions", "/versions")];
}
