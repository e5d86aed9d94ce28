using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Inlet.Load.History;

/// <summary>What a user of the seeded store asks Inlet over HTTP: the Backoffice webhook list, and log searches of the API.</summary>
internal static class HttpQueries
{
    public static async Task<List<Timing>> TimeAsync(Uri url, HistoryRows rows, HistoryOptions options, string webhookId, CancellationToken stopping)
    {
        using var api = InletSetup.Api(url);
        using var backoffice = await HistoryRun.BackofficeAsync(url);
        var newest = (await api.GetFromJsonAsync<JsonObject>("/api/v1/logs?limit=1", stopping))!["items"]![0]!["id"]!.GetValue<string>();
        var hourStart = DateTimeOffset.UtcNow.AddDays(-10);
        var queries = new (string Name, HttpClient Client, string Path)[]
        {
            ("GET /api/v1/logs/{id} (baseline: primary-key look-up)", api, $"/api/v1/logs/{newest}"),
            ("GET /backoffice/webhooks (the list, 8 webhooks)", backoffice, "/backoffice/webhooks"),
            ("search by body text, no match", api, $"/api/v1/logs?q={HistoryRows.MissingText}"),
            ("search by body text, 5 matches", api, $"/api/v1/logs?q={HistoryRows.RareText}"),
            ("time range: one hour 10 days ago", api, $"/api/v1/logs?from={Instant(hourStart)}&to={Instant(hourStart.AddHours(1))}"),
            ("time range: one whole day 10 days ago", api, $"/api/v1/logs?from={Instant(hourStart)}&to={Instant(hourStart.AddDays(1))}"),
            ("by webhook", api, $"/api/v1/logs?webhookId={webhookId}"),
            ("by outcome (rejected, 4 %)", api, "/api/v1/logs?outcome=rejected"),
            ("by status (422)", api, "/api/v1/logs?status=422"),
            ("by customer", api, $"/api/v1/logs?customer={HistoryRows.Customer(12_345)}"),
        };
        return await Medians.TimeAsync([.. queries.Select(q => (q.Name, (Func<Task>)(() => GetAsync(q.Client, q.Path, stopping))))],
            warmups: 2, options.Runs, stopping);
    }

    private static async Task GetAsync(HttpClient client, string path, CancellationToken stopping)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), stopping);
        var body = await response.Content.ReadAsStringAsync(stopping);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
        }
    }

    private static string Instant(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));
}
