namespace Inlet.Tests.Writer;

/// <summary>The group-commit writer's batches: each unit decided in arrival order, one unit's conflict never undoing the others.</summary>
public sealed class BatchTests(InletApp app) : IClassFixture<InletApp>
{
    private Func<Task<HttpResponseMessage>> Send(string endpoint, string body, string? key = null) =>
        () => key is null ? app.SendAsync(endpoint, body) : app.SendAsync(endpoint, body, headers: ("Idempotency-Key", key));

    private Func<Task<HttpResponseMessage>> Event(string json) => () => app.Api().PostJsonAsync("/api/v1/events", json);

    private static async Task<string> CodeAsync(HttpResponseMessage response) =>
        (await response.ReadJsonAsync())["error"]?["code"]?.GetValue<string>() ?? (await response.ReadJsonAsync())["code"]!.GetValue<string>();

    [Fact]
    public async Task ABatchWithAConflictingUnitCommitsAllTheOthersAndAnswersThatUnitAsBefore()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-keys"));
        await app.OptInAsync("batch-1");

        var answers = await app.InOneBatchAsync(
            Send("batch-keys", """{"clientID":"batch-1","points":10}""", key: "order-1"),
            Send("batch-keys", """{"clientID":"batch-1","points":10}""", key: "order-1"),
            Event("""{"customer":"batch-1","action":"checkout","data":{"transaction_id":"T-batch-1","total":40}}"""),
            Event("""{"customer":"batch-1","action":"checkout","data":{"transaction_id":"T-batch-1","total":99}}"""),
            Send("batch-keys", """{"clientID":"batch-1","points":5}""", key: "order-2"));

        await answers[0].ShouldBeAsync(200);
        await answers[1].ShouldBeAsync(200);
        Assert.Equal("true", answers[1].Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(await answers[0].Content.ReadAsStringAsync(TestContext.Current.CancellationToken),
            await answers[1].Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await answers[2].ShouldBeAsync(201);
        await answers[3].ShouldBeAsync(409);
        Assert.Equal("transaction_exists", await CodeAsync(answers[3]));
        await answers[4].ShouldBeAsync(200);
        var member = await app.Api().GetJsonAsync("/api/v1/customers/batch-1");
        Assert.Equal((15, 40), (member["balances"]!["score"]!.GetValue<long>(), member["balances"]!["pending"]!.GetValue<long>()));
        var history = await app.Api().GetJsonAsync("/api/v1/customers/batch-1/events");
        Assert.Equal(["point_add", "checkout", "point_add", "opt_in"], history["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UnitsForOneMemberInOneBatchSeeEachOthersEffectsInOrder()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-add"));
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-sub").Replace("point_add", "point_sub", StringComparison.Ordinal));
        await app.OptInAsync("batch-2");

        var answers = await app.InOneBatchAsync(
            Send("batch-add", """{"clientID":"batch-2","points":10}"""),
            Send("batch-sub", """{"clientID":"batch-2","points":4}"""),
            Send("batch-sub", """{"clientID":"batch-2","points":7}"""),
            Send("batch-add", """{"clientID":"batch-2","points":3}"""));

        Assert.Equal([200, 200, 422, 200], answers.Select(a => (int)a.StatusCode));
        Assert.Equal("insufficient_points", await CodeAsync(answers[2]));
        Assert.Equal(9, await app.ScoreAsync("batch-2"));
        var history = await app.Api().GetJsonAsync("/api/v1/customers/batch-2/events");
        Assert.Equal([9L, 6L, 10L, 0L], history["items"]!.AsArray().Select(e => e!["balancesAfter"]!["score"]!.GetValue<long>()));
    }

    // On PostgreSQL two replays of one request never meet in a batch: they take turns before the writer (LogReplay's lock).
    [Fact]
    [Trait("Store", "sqlite")]
    public async Task ReplaysRacingInOneBatchRegisterTheEventOnceAndTheBatchsOtherUnitsCommit()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-replay"));
        var rejected = await app.SendAsync("batch-replay", """{"clientID":"batch-3","points":8}""");
        await rejected.ShouldBeAsync(422);
        await app.OptInAsync("batch-3");
        var logId = rejected.Headers.GetValues("Inlet-Request-Id").Single();
        Task<HttpResponseMessage> Replay() => app.Api().PostAsync($"/api/v1/logs/{logId}/replay", null, TestContext.Current.CancellationToken);

        // Both replays pass the check for an earlier processed replay; the store's unique index refuses the second one's rows.
        var answers = await app.InOneBatchAsync(Replay, Replay, Send("batch-replay", """{"clientID":"batch-3","points":1}"""));

        await answers[0].ShouldBeAsync(201);
        await answers[1].ShouldBeAsync(409);
        Assert.Equal("already_replayed", await CodeAsync(answers[1]));
        await answers[2].ShouldBeAsync(200);
        Assert.Equal(9, await app.ScoreAsync("batch-3"));
    }

    [Fact]
    public async Task AUnitTheStoresConstraintsRefuseIsRolledBackAloneAndLaterUnitsDoNotSeeItsEffects()
    {
        await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-refused"));
        await app.OptInAsync("batch-5");
        // The store refuses the second unit's last row (its idempotency key), after its log row, member and event were written.
        await app.SqlAsync(TestStore.OnPostgres
            ? """
              CREATE FUNCTION refuse_key() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused' USING ERRCODE = 'unique_violation'; END $$;
              CREATE TRIGGER refuse_key BEFORE INSERT ON "IdempotencyKeys" FOR EACH ROW WHEN (NEW."Key" = 'refused') EXECUTE FUNCTION refuse_key();
              """
            : """CREATE TRIGGER refuse_key BEFORE INSERT ON IdempotencyKeys WHEN NEW.Key = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END;""");

        var answers = await app.InOneBatchAsync(
            Send("batch-refused", """{"clientID":"batch-5","points":10}""", key: "accepted-1"),
            Send("batch-refused", """{"clientID":"batch-5","points":5}""", key: "refused"),
            Send("batch-refused", """{"clientID":"batch-5","points":1}""", key: "accepted-2"));
        await app.SqlAsync(TestStore.OnPostgres ? """DROP TRIGGER refuse_key ON "IdempotencyKeys" """ : "DROP TRIGGER refuse_key");

        Assert.Equal([200, 503, 200], answers.Select(a => (int)a.StatusCode));
        Assert.Equal(11, await app.ScoreAsync("batch-5"));
        var history = await app.Api().GetJsonAsync("/api/v1/customers/batch-5/events");
        Assert.Equal([11L, 10L, 0L], history["items"]!.AsArray().Select(e => e!["balancesAfter"]!["score"]!.GetValue<long>()));
        var refusedLog = await app.Api().GetJsonAsync($"/api/v1/logs/{answers[1].Headers.GetValues("Inlet-Request-Id").Single()}");
        Assert.Equal(("unavailable", 503), (refusedLog["outcome"]!.GetValue<string>(), refusedLog["statusCode"]!.GetValue<int>()));
        Assert.Null(refusedLog["eventId"]);
    }

    [Fact]
    public async Task ADryRunInABatchLeavesNothingForTheUnitsAfterIt()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-dry"));
        await app.OptInAsync("batch-6");

        var answers = await app.InOneBatchAsync(
            () => app.Api().PostJsonAsync($"/api/v1/webhooks/{webhook}/dry-run", """{"body":{"clientID":"batch-6","points":50}}"""),
            Send("batch-dry", """{"clientID":"batch-6","points":5}"""));

        await answers[0].ShouldBeAsync(200);
        Assert.Equal(50, (await answers[0].ReadJsonAsync())["after"]!["score"]!.GetValue<long>());
        await answers[1].ShouldBeAsync(200);
        Assert.Equal(5, await app.ScoreAsync("batch-6"));
    }

    [Fact]
    public async Task AStoreFailureMidBatchAnswers503ToEveryUnitOfTheBatchAndStoresNoneOfThem()
    {
        var webhook = await app.CreateWebhookAsync(Scenario.PointAddDefinition("batch-fail"));
        foreach (var member in new[] { "batch-4a", "batch-4b", "doomed" })
        {
            await app.OptInAsync(member);
        }
        var logsBefore = (await app.Api().GetJsonAsync($"/api/v1/logs?webhookId={webhook}"))["items"]!.AsArray().Count;
        // The store fails on the third unit's event, after the first two units' rows were written in the same transaction.
        await app.SqlAsync(TestStore.OnPostgres
            ? """
              CREATE FUNCTION fail_mid_batch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the disk is full'; END $$;
              CREATE TRIGGER fail_mid_batch AFTER INSERT ON "Events" FOR EACH ROW WHEN (NEW."CustomerId" = 'doomed') EXECUTE FUNCTION fail_mid_batch();
              """
            : """CREATE TRIGGER fail_mid_batch AFTER INSERT ON Events WHEN NEW.CustomerId = 'doomed' BEGIN SELECT json('{not json'); END;""");

        var requests = new[] { "batch-4a", "batch-4b", "doomed", "batch-4a" }
            .Select(member => Send("batch-fail", $$"""{"clientID":"{{member}}","points":5}""")).ToArray();
        var answers = await app.InOneBatchAsync(requests);

        Assert.All(answers, a => Assert.Equal(503, (int)a.StatusCode));
        Assert.All(answers, a => Assert.NotNull(a.Headers.RetryAfter));
        Assert.Equal("unavailable", await CodeAsync(answers[0]));
        Assert.Equal((0, 0), (await app.ScoreAsync("batch-4a"), await app.ScoreAsync("batch-4b")));
        Assert.Equal(logsBefore, (await app.Api().GetJsonAsync($"/api/v1/logs?webhookId={webhook}"))["items"]!.AsArray().Count);

        await app.SqlAsync(TestStore.OnPostgres ? """DROP TRIGGER fail_mid_batch ON "Events" """ : "DROP TRIGGER fail_mid_batch");
        var retried = await app.InOneBatchAsync(requests);
        Assert.All(retried, a => Assert.Equal(200, (int)a.StatusCode));
        Assert.Equal((10, 5, 5), (await app.ScoreAsync("batch-4a"), await app.ScoreAsync("batch-4b"), await app.ScoreAsync("doomed")));
    }
}
