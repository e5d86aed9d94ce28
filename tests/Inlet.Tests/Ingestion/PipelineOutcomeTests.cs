using System.Net;

namespace Inlet.Tests.Ingestion;

/// <summary>Each status and outcome code of the pipeline (spec §2), caused by the request that causes it.</summary>
public sealed class PipelineOutcomeTests(InletApp app) : IClassFixture<InletApp>
{
    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync())["error"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task AnUnknownAccountAnswers404WithAJsonError()
    {
        var response = await app.Sender().PostJsonAsync("/webhooks/custom/nobody/endpoint1", "{}");

        await response.ShouldBeAsync(404);
        Assert.Equal("not_found", await ErrorCodeAsync(response));
        Assert.StartsWith("req_", response.Headers.GetValues("Inlet-Request-Id").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownEndpointAnswers404()
    {
        var response = await app.SendAsync("no-such-endpoint", "{}");

        await response.ShouldBeAsync(404);
        Assert.Equal("not_found", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnotherMethodAnswers405WithTheAllowedOne()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("put-only").Replace("\"POST\"", "\"PUT\"", StringComparison.Ordinal));

        var response = await app.SendAsync("put-only", """{"clientID":"x","points":1}""");

        await response.ShouldBeAsync(405);
        Assert.Equal("PUT", response.Content.Headers.Allow.Single());
        Assert.Equal("method_not_allowed", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnInactiveWebhookAnswers503WithRetryAfter()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("not-yet"), activate: false);

        var response = await app.SendAsync("not-yet", """{"clientID":"x","points":1}""");

        await response.ShouldBeAsync(503);
        Assert.Equal(TimeSpan.FromSeconds(60), response.Headers.RetryAfter!.Delta);
        Assert.Equal("webhook_inactive", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ABodyOverTheLimitAnswers413()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("big"));

        var response = await app.SendAsync("big", $$"""{"clientID":"x","points":1,"pad":"{{new string('a', 300 * 1024)}}"}""");

        await response.ShouldBeAsync(413);
        Assert.Equal("payload_too_large", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnUnsupportedContentTypeAnswers415()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("plain"));

        var response = await app.SendAsync("plain", """{"clientID":"x","points":1}""", contentType: "text/plain");

        await response.ShouldBeAsync(415);
        Assert.Equal("unsupported_media_type", await ErrorCodeAsync(response));
    }

    [Theory]
    [InlineData("{\"clientID\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task ABodyThatIsNotAJsonObjectAnswers400(string body)
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition($"bad-json-{body.Length}"));

        var response = await app.SendAsync($"bad-json-{body.Length}", body);

        await response.ShouldBeAsync(400);
        Assert.Equal("invalid_json", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ABodyNestedDeeperThan32Answers400()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("deep"));
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40);

        var response = await app.SendAsync("deep", deep);

        await response.ShouldBeAsync(400);
        Assert.Equal("invalid_json", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AFormBodyIsReadAsAnObjectOfStrings()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("form"));
        await app.OptInAsync("form-1");

        var response = await app.SendAsync("form", "clientID=form-1&points=7", contentType: "application/x-www-form-urlencoded");

        await response.ShouldBeAsync(200);
        Assert.Equal(7, await app.ScoreAsync("form-1"));
    }

    [Fact]
    public async Task ARequestTheFilterRejectsAnswers422FilteredOut()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("filtered",
            """, "filter": {"all": [{"attribute": "headers.x-source", "operator": "equals", "value": "shop"}]}"""));

        var response = await app.SendAsync("filtered", """{"clientID":"x","points":1}""", headers: ("X-Source", "crm"));

        await response.ShouldBeAsync(422);
        Assert.Equal("filtered_out", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AFilterMismatchStatusCanBeConfiguredTo200()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("filtered-ok",
            """, "filterMismatchStatus": 200, "filter": {"all": [{"attribute": "body.kind", "operator": "equals", "value": "points"}]}"""));

        var response = await app.SendAsync("filtered-ok", """{"clientID":"x","points":1,"kind":"other"}""");

        await response.ShouldBeAsync(200);
        Assert.Equal("filtered_out", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task AnEventThatDoesNotMapAnswers422InvalidEventNamingTheField()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("invalid"));

        var response = await app.SendAsync("invalid", """{"clientID":"x","points":"10.5"}""");

        await response.ShouldBeAsync(422);
        var error = (await response.ReadJsonAsync())["error"]!;
        Assert.Equal("invalid_event", error["code"]!.GetValue<string>());
        Assert.Equal("data.points: '10.5' is not an integer", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task ABusinessRuleAnswers422RejectedWithItsRuleCode()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("unknown-member"));

        var response = await app.SendAsync("unknown-member", """{"clientID":"never-enrolled","points":1}""");

        await response.ShouldBeAsync(422);
        Assert.Equal("customer_not_found", await ErrorCodeAsync(response));
    }

    [Fact]
    public async Task ADuplicateBusinessKeyAnswers409Rejected()
    {
        await app.CreateWebhookAsync("""
            { "name": "Checkout", "method": "POST", "endpoint": "checkout-dup", "action": "checkout",
              "mappings": [ {"from": "customer", "to": "customer"}, {"from": "id", "to": "data.transaction_id"}, {"from": "total", "to": "data.total"} ] }
            """);
        await app.OptInAsync("dup-1");
        await (await app.SendAsync("checkout-dup", """{"customer":"dup-1","id":"T-1","total":10}""")).ShouldBeAsync(200);

        var replayed = await app.SendAsync("checkout-dup", """{"customer":"dup-1","id":"T-1","total":10}""");

        await replayed.ShouldBeAsync(409);
        Assert.Equal("transaction_exists", await ErrorCodeAsync(replayed));
        Assert.Equal(10, (await app.Api().GetJsonAsync("/api/v1/customers/dup-1"))["balances"]!["pending"]!.GetValue<long>());
    }

    [Fact]
    public async Task ARepeatedIdempotencyKeyGetsTheOriginalAnswerAndRegistersNothing()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("idem", """, "response": {"success": "{\"event\":\"{{eventId}}\"}"}"""));
        await app.OptInAsync("idem-1");
        var first = await app.SendAsync("idem", """{"clientID":"idem-1","points":5}""", headers: ("Idempotency-Key", "k-1"));

        var again = await app.SendAsync("idem", """{"clientID":"idem-1","points":5}""", headers: ("Idempotency-Key", "k-1"));

        await again.ShouldBeAsync(200);
        Assert.Equal(await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(5, await app.ScoreAsync("idem-1"));
    }

    [Fact]
    public async Task AnIdempotencyKeyReusedWithAnotherBodyAnswers409()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("idem-reuse"));
        await app.OptInAsync("idem-2");
        await (await app.SendAsync("idem-reuse", """{"clientID":"idem-2","points":5}""", headers: ("webhook-id", "msg-1"))).ShouldBeAsync(200);

        var reused = await app.SendAsync("idem-reuse", """{"clientID":"idem-2","points":6}""", headers: ("webhook-id", "msg-1"));

        await reused.ShouldBeAsync(409);
        Assert.Equal("idempotency_key_reused", await ErrorCodeAsync(reused));
        Assert.Equal(5, await app.ScoreAsync("idem-2"));
    }

    [Fact]
    public async Task AProcessedRequestAnswersTheSuccessResponseWithPlaceholders()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("placeholders",
            """, "response": {"success": "{\"ok\":true,\"customer\":\"{{customer}}\",\"request\":\"{{requestId}}\"}"}"""));
        await app.OptInAsync("ph-1");

        var response = await app.SendAsync("placeholders", """{"clientID":"ph-1","points":3}""");

        await response.ShouldBeAsync(200);
        var body = await response.ReadJsonAsync();
        Assert.Equal("ph-1", body["customer"]!.GetValue<string>());
        Assert.Equal(response.Headers.GetValues("Inlet-Request-Id").Single(), body["request"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task RequestsOverTheWebhooksRateLimitAnswer429WithRetryAfter()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("limited", """, "rateLimit": {"requests": 2, "perSeconds": 3600}"""));
        await app.OptInAsync("limited-1");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await app.SendAsync("limited", """{"clientID":"limited-1","points":1}"""));
        }

        Assert.Equal([200, 200, 429], answers.Select(a => (int)a.StatusCode));
        Assert.True(answers[2].Headers.RetryAfter!.Delta > TimeSpan.FromMinutes(50));
        Assert.Equal("rate_limited", await ErrorCodeAsync(answers[2]));
        Assert.Equal(2, await app.ScoreAsync("limited-1"));
    }
}
