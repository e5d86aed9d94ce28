using Inlet.Engine.Webhooks;

namespace Inlet.Ingestion;

/// <summary>The request line a transform sees, for requests that do not come from HTTP now: replays, dry runs and samples.</summary>
internal static class RequestLine
{
    /// <summary>The request with its method and target (a path that may carry a query string, as the log keeps it).</summary>
    public static WebhookRequest At(this WebhookRequest request, string method, string target) => request with { Method = method, Target = target };

    /// <summary>Where a webhook of the account is sent to, for a request that was never sent (a dry run, a sample).</summary>
    public static string PathOf(string accountId, WebhookDefinition definition) => $"/webhooks/custom/{accountId}/{definition.Endpoint}";
}
