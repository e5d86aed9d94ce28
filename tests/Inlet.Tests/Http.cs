using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Inlet.Tests;

/// <summary>Small helpers to send JSON written as text and read answers as JSON.</summary>
internal static class Http
{
    public static StringContent Json(string json, string contentType = "application/json") => new(json, Encoding.UTF8, contentType);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, Json(json), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, string json) =>
        client.PutAsync(url, Json(json), TestContext.Current.CancellationToken);

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))
        ?? throw new InvalidOperationException("the answer was JSON null");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await response.ShouldBeAsync(200);
        return await response.ReadJsonAsync();
    }

    /// <summary>Asserts the status, showing the body when it differs: a failing test says why.</summary>
    public static async Task ShouldBeAsync(this HttpResponseMessage response, int status)
    {
        if ((int)response.StatusCode != status)
        {
            Assert.Fail($"expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }
    }

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PostAsJsonAsync<T>(this HttpClient client, string url, T value) =>
        HttpClientJsonExtensions.PostAsJsonAsync(client, url, value, Options, TestContext.Current.CancellationToken);
}
