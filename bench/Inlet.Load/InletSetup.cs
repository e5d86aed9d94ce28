using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Inlet.Load;

/// <summary>Inlet as the benchmark runs it: the defaults (full sync, logs on) on the store asked for, configured through its API as a user would.</summary>
internal static class InletSetup
{
    private const string ApiKey = "inlet_load-benchmark-key-0123456789";

    public const string AdminPassword = "load-benchmark";

    private static readonly Dictionary<string, string[]> Blueprints = new()
    {
        ["point-add"] = ["point-add"],
        ["point-add-transform"] = ["point-add"],
        ["mixed"] = ["point-add", "point-sub", "checkout-accept", "checkout-accept-item", "optin-labels"],
    };

    /// <summary>What a scenario adds to its webhooks' definitions: a one-line transform that passes the body on (its cost alone).</summary>
    private static readonly Dictionary<string, string> Extras = new()
    {
        ["point-add-transform"] = ""","transform":{"language":"javascript","code":"function transform(request) { return request.body; }"}""",
    };

    public static Dictionary<string, string> Environment(RunStore store) => new(store.Environment)
    {
        ["Inlet__Bootstrap__ApiKey"] = ApiKey,
        ["Inlet__Bootstrap__AdminPassword"] = AdminPassword,
    };

    /// <summary>
    /// Unknown members are enrolled by their first event and point_sub may go below zero, so the only non-2xx answers
    /// are the ones a scenario sends on purpose (filtered out, invalid).
    /// </summary>
    public static async Task ConfigureAsync(Uri url, string scenario)
    {
        using var api = Api(url);
        await SendAsync(api, HttpMethod.Put, "/api/v1/settings", """{"unknownCustomer":"create","allowNegativeBalance":true}""");
        foreach (var blueprint in Blueprints[scenario])
        {
            var created = await SendAsync(api, HttpMethod.Post, "/api/v1/webhooks", $$"""{"blueprint":"{{blueprint}}"{{Extras.GetValueOrDefault(scenario)}}}""");
            var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            await SendAsync(api, HttpMethod.Post, $"/api/v1/webhooks/{id}/activate", null);
        }
    }

    /// <summary>A client of Inlet's API with the benchmark's key.</summary>
    public static HttpClient Api(Uri url)
    {
        var api = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return api;
    }

    /// <summary>
    /// Events stored so far, read from the store itself once the count is steady: requests still in flight when wrk
    /// stopped are committed after it, and must count for the run they belong to. The same query reads SQLite and PostgreSQL.
    /// </summary>
    public static async Task<long> CountEventsAsync(RunStore store, CancellationToken stopping)
    {
        await using var connection = await store.OpenReaderAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT count(*) FROM "Events" """;
        var count = -1L;
        while (true)
        {
            await Task.Delay(500, stopping);
            var now = (long)(await command.ExecuteScalarAsync(stopping))!;
            if (now == count)
            {
                return count;
            }
            count = now;
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient api, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        var response = await api.SendAsync(request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        return response;
    }
}
