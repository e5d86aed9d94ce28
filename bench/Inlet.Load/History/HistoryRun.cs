using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Inlet.Load.History;

/// <summary>
/// The history benchmark (docs/performance.md, "History at a million rows"): Inlet on a fresh store with a few webhooks,
/// stopped while the store is seeded with a month of logs and events, started again, then timed as a user reads it, each
/// query a median of several runs and a ratio to a primary-key look-up timed in the same rounds.
/// </summary>
internal static partial class HistoryRun
{
    private const int Webhooks = 8;
    private const int WarmupRuns = 2;

    public static async Task<int> RunAsync(string[] args, CancellationToken stopping)
    {
        var options = HistoryOptions.Parse(args);
        var folder = Directory.CreateTempSubdirectory("inlet-history-").FullName;
        try
        {
            if (options.IngestCost)
            {
                Console.WriteLine(await IngestCost.MeasureAsync(options, folder, stopping));
                return 0;
            }
            await using RunStore store = options.OnPostgres ? await PostgresRunStore.CreateAsync(options.PostgresServer) : new SqliteRunStore(folder);
            var environment = InletSetup.Environment(store);
            HistoryStore history = options.OnPostgres
                ? new PostgresHistory(store, store.Environment["Inlet__Store__ConnectionString"])
                : new SqliteHistory(store, Path.Combine(folder, "inlet.db"));
            List<string> webhookIds;
            using (var inlet = await Server.StartAppAsync(options.InletDll, folder, "inlet", environment, stopping))
            {
                webhookIds = await CreateWebhooksAsync(inlet.Url);
            }
            var rows = new HistoryRows(options.Logs, options.Events, options.Days, webhookIds, [.. Enumerable.Range(1, Webhooks).Select(Endpoint)]);
            var seeding = Stopwatch.StartNew();
            await history.SeedAsync(rows, options.Logs, options.Events, written => Console.Error.Write($"\rseeded {written:N0} logs and events"));
            seeding.Stop();
            Console.Error.WriteLine($" in {seeding.Elapsed.TotalSeconds:0} s");
            using (var inlet = await Server.StartAppAsync(options.InletDll, folder, "inlet", environment, stopping))
            {
                var http = await HttpQueries.TimeAsync(inlet.Url, rows, options, webhookIds[0], stopping);
                var sql = await SqlQueries.TimeAsync(history, rows, options, stopping);
                Console.WriteLine(HistoryReport.Markdown(options, seeding.Elapsed, StoreSize(options, folder), http, sql));
            }
            return 0;
        }
        finally
        {
            if (options.Keep)
            {
                Console.Error.WriteLine($"kept the run's folder (SQLite store, Inlet's output): {folder}");
            }
            else
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static string Endpoint(int n) => $"history-{n}";

    private static string? StoreSize(HistoryOptions options, string folder) =>
        options.OnPostgres ? null : $"{new DirectoryInfo(folder).GetFiles("inlet.db*").Sum(f => f.Length) / (1024.0 * 1024):N0} MiB";

    private static async Task<List<string>> CreateWebhooksAsync(Uri url)
    {
        using var api = InletSetup.Api(url);
        var ids = new List<string>();
        for (var n = 1; n <= Webhooks; n++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/webhooks", new { blueprint = "point-add", endpoint = Endpoint(n) });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
            (await api.PostAsync(new Uri($"/api/v1/webhooks/{id}/activate", UriKind.Relative), null)).EnsureSuccessStatusCode();
            ids.Add(id);
        }
        return ids;
    }

    /// <summary>A Backoffice session, signed in through the login form as a browser would.</summary>
    public static async Task<HttpClient> BackofficeAsync(Uri url)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = url };
        var form = await browser.GetStringAsync(new Uri("/backoffice/login", UriKind.Relative));
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        using var login = await browser.PostAsync(new Uri("/backoffice/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "admin", ["Password"] = InletSetup.AdminPassword, ["__RequestVerificationToken"] = token,
        }));
        if (login.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"the Backoffice login answered {(int)login.StatusCode}");
        }
        return browser;
    }

    [GeneratedRegex("""name="__RequestVerificationToken" type="hidden" value="([^"]+)" """)]
    private static partial Regex AntiforgeryToken();
}
