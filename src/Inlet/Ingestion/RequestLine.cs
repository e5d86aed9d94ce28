using Inlet.Engine.Webhooks;
using Microsoft.AspNetCore.WebUtilities;

namespace Inlet.Ingestion;

/// <summary>The request line a transform sees, for requests that do not come from HTTP now: replays, dry runs and samples.</summary>
internal static class RequestLine
{
    /// <summary>The request with its method, path and query, from a path that may carry a query string (as the log keeps it).</summary>
    public static WebhookRequest At(this WebhookRequest request, string method, string pathAndQuery)
    {
        var cut = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return request with
        {
            Method = method,
            Path = cut < 0 ? pathAndQuery : pathAndQuery[..cut],
            Query = cut < 0 ? new Dictionary<string, string>() : QueryHelpers.ParseQuery(pathAndQuery[cut..]).ToDictionary(q => q.Key, q => q.Value.ToString()),
        };
    }

    /// <summary>Where a webhook of the account is sent to, for a request that was never sent (a dry run, a sample).</summary>
    public static string PathOf(string accountId, WebhookDefinition definition) => $"/webhooks/custom/{accountId}/{definition.Endpoint}";
}
