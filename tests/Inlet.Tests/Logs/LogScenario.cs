using Inlet.Data;
using Inlet.Logs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inlet.Tests.Logs;

/// <summary>Steps the log tests share: an active webhook made from a blueprint, members, and senders' requests.</summary>
internal static class LogScenario
{
    /// <summary>Creates a webhook from a blueprint at its own endpoint, activates it, and returns its id.</summary>
    public static async Task<string> ActiveWebhookAsync(this InletApp app, string blueprint, string endpoint)
    {
        var api = app.Api();
        var created = await api.PostJsonAsync("/api/v1/webhooks", $$"""{"blueprint":"{{blueprint}}","endpoint":"{{endpoint}}"}""");
        await created.ShouldBeAsync(201);
        var id = (await created.ReadJsonAsync())["id"]!.GetValue<string>();
        await (await api.PostAsync($"/api/v1/webhooks/{id}/activate", null, TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        return id;
    }

    public static async Task OptInAsync(this InletApp app, string customer) =>
        await (await app.Api().PostJsonAsync("/api/v1/events", $$"""{"customer":"{{customer}}","action":"opt_in","data":{} }""")).ShouldBeAsync(201);

    /// <summary>Sends a body to a webhook endpoint of the demo account and returns the request log id it answered with.</summary>
    public static async Task<string> SendAsync(this InletApp app, string endpoint, string body, int expectedStatus)
    {
        var sent = await app.Sender().PostJsonAsync($"/webhooks/custom/demo/{endpoint}", body);
        await sent.ShouldBeAsync(expectedStatus);
        return sent.Headers.GetValues("Inlet-Request-Id").Single();
    }

    /// <summary>The ids on one page of <c>GET /api/v1/logs</c>, in the order given.</summary>
    public static async Task<List<string>> LogIdsAsync(this InletApp app, string query) =>
        [.. (await app.Api().GetJsonAsync($"/api/v1/logs?{query}"))["items"]!.AsArray().Select(item => item!["id"]!.GetValue<string>())];

    /// <summary>A log row received at <paramref name="receivedAt"/>, written straight to the store: logs cannot be sent in the past through HTTP.</summary>
    public static async Task<string> InsertLogAsync(this InletApp app, DateTimeOffset receivedAt, string? body = null)
    {
        var id = $"req_{Guid.CreateVersion7():N}";
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InletDb>();
        db.RequestLogs.Add(new RequestLogRow
        {
            Id = id, AccountId = "demo", ReceivedAt = receivedAt, Method = "POST", Path = "/webhooks/custom/demo/lp-old", StatusCode = 404,
            Outcome = "not_found", Body = body,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await db.IndexLogBodiesAsync();
        return id;
    }

    /// <summary>
    /// After log rows are written straight to the store: on SQLite the body-text index takes them in, as the writer adds
    /// the rows it writes (a row the index lacks could not be pruned).
    /// </summary>
    public static async Task IndexLogBodiesAsync(this InletDb db)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("""INSERT INTO "RequestLogsText"("RequestLogsText") VALUES ('rebuild')""", TestContext.Current.CancellationToken);
        }
    }
}
