using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Inlet.Load;

/// <summary>Inlet as the benchmark runs it: the defaults (SQLite, full sync, logs on), configured through its API as a user would.</summary>
internal static class InletSetup
{
    private const string ApiKey = "inlet_load-benchmark-key-0123456789";

    private static readonly Dictionary<string, string[]> Blueprints = new()
    {
        ["point-add"] = ["point-add"],
        ["mixed"] = ["point-add", "point-sub", "checkout-accept", "checkout-accept-item", "optin-labels"],
    };

    public static Dictionary<string, string> Environment(string folder) => new()
    {
        ["Inlet__Store__ConnectionString"] = $"Data Source={Path.Combine(folder, "inlet.db")}",
        ["Inlet__Bootstrap__ApiKey"] = ApiKey,
        ["Inlet__Bootstrap__AdminPassword"] = "load-benchmark",
    };

    /// <summary>
    /// Unknown members are enrolled by their first event and point_sub may go below zero, so the only non-2xx answers
    /// are the ones a scenario sends on purpose (filtered out, invalid).
    /// </summary>
    public static async Task ConfigureAsync(Uri url, string scenario)
    {
        using var api = new HttpClient { BaseAddress = url };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        await SendAsync(api, HttpMethod.Put, "/api/v1/settings", """{"unknownCustomer":"create","allowNegativeBalance":true}""");
        foreach (var blueprint in Blueprints[scenario])
        {
            var created = await SendAsync(api, HttpMethod.Post, "/api/v1/webhooks", $$"""{"blueprint":"{{blueprint}}"}""");
            var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            await SendAsync(api, HttpMethod.Post, $"/api/v1/webhooks/{id}/activate", null);
        }
    }

    /// <summary>
    /// Events stored so far, read from the database file itself once the count is steady: requests still in flight when wrk
    /// stopped are committed after it, and must count for the run they belong to.
    /// </summary>
    public static async Task<long> CountEventsAsync(string folder)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "inlet.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Events";
        var count = -1L;
        while (true)
        {
            await Task.Delay(500);
            var now = (long)(await command.ExecuteScalarAsync())!;
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
