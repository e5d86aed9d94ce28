using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Transforms;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Blueprints;

/// <summary>The mParticle batch blueprint's transform: each event of a batch made into the event its one-event blueprint makes.</summary>
public sealed class MparticleBatchBlueprintTests
{
    private static readonly CompiledWebhook Webhook = Compile();

    private const string Identities = """
        "user_identities": [ {"identity_type":"email","encoding":"raw","identity":"jane@example.com"},
                             {"identity_type":"customer_id","encoding":"raw","identity":"cust-42"} ],
        "user_attributes": { "$FirstName": "Jane", "$LastName": "Doe" }
        """;

    private const string Points = """{"event_type":"custom_event","data":{"event_name":"review_written","custom_attributes":{"points":"50"}}}""";
    private const string Purchase = """{"event_type":"commerce_event","data":{"product_action":{"action":"purchase","transaction_id":"T-9","total_amount":20}}}""";
    private const string Refund = """{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9"}}}""";
    private const string NameChange = """{"event_type":"user_attribute_change","data":{"user_attribute_name":"$FirstName","new":"Jane"}}""";
    private const string Registration = """{"event_type":"custom_event","data":{"event_name":"registration"}}""";
    private const string ScreenView = """{"event_type":"screen_view","data":{"screen_name":"Home"}}""";

    private static string Batch(params string[] events) => $$"""{ "events": [ {{string.Join(", ", events)}} ], {{Identities}} }""";

    [Theory]
    [MemberData(nameof(MparticleBlueprintTests.Cases), MemberType = typeof(MparticleBlueprintTests))]
    public void EachKindOfEventBecomesWhatItsOneEventBlueprintMakesOfIt(string blueprint, string batch, string data)
    {
        var made = Assert.Single(Events(batch));

        Assert.Equal(("cust-42", BlueprintCatalog.Find(blueprint)!.Definition.Action, data), (made.Customer, made.Action, made.Data.ToJsonString()));
    }

    [Fact]
    public void TheEventsOfABatchBecomeEventsInTheirOrderWithOneProfileForItsAttributeChanges()
    {
        var made = Events(Batch(ScreenView, Points, NameChange, Purchase, NameChange, Refund));

        Assert.Equal(["point_add", "profile", "checkout", "refund"], made.Select(e => e.Action));
    }

    [Fact]
    public void ARegistrationComesFirstSoTheBatchsOtherEventsFindTheMemberAndTakesTheProfilesPlace()
    {
        var made = Events(Batch(Points, NameChange, Registration));

        Assert.Equal(["opt_in", "point_add"], made.Select(e => e.Action));
        Assert.Equal("""{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"}""", made[0].Data.ToJsonString());
    }

    [Theory]
    [InlineData(ScreenView)]
    [InlineData("""{"event_type":"session_start","data":{"session_uuid":"84E1B361-A282-4ADF-8A6D-1D31E6DD5A9E"}}""")]
    [InlineData("""{"event_type":"custom_event","data":{"event_name":"level_up","custom_attributes":{"level":"3"}}}""")]
    [InlineData("""{"event_type":"custom_event","data":{"event_name":"Example custom event","custom_attributes":null}}""")]
    [InlineData("""{"event_type":"commerce_event","data":{"product_action":{"action":"add_to_cart","products":[{"id":"SKU-1"}]}}}""")]
    [InlineData("""{"event_type":"opt_out","data":{"is_opted_out":false}}""")]
    [InlineData("""{"event_type":"opt_out","data":{}}""")]
    [InlineData("""{"event_type":"user_identity_change","data":{"new":{"identity_type":"customer_id","identity":"cust-42"}}}""")]
    public void ABatchOfEventsTheBlueprintDoesNotTakeIsDropped(string eventJson)
    {
        var result = Transform(Batch(eventJson, ScreenView));

        Assert.True(result is TransformResult.Dropped, (result as TransformResult.Failed)?.Describe());
    }

    [Fact]
    public void TheEventsApisObjectFormOfUserIdentitiesIsReadToo()
    {
        var batch = """
            { "events": [ {"event_type":"user_attribute_change","data":{"user_attribute_name":"$firstname","new":"John"}} ],
              "user_identities": { "customer_id": "cust-42", "email": "john@example.com" },
              "user_attributes": { "$firstname": "John", "$lastname": "Doe" } }
            """;

        var made = Assert.Single(Events(batch));

        Assert.Equal(("cust-42", """{"first_name":"John","last_name":"Doe","email":"john@example.com"}"""), (made.Customer, made.Data.ToJsonString()));
    }

    [Fact]
    public void ABatchWithEventsToTakeAndNoCustomerIdFailsTheTransformWithTheReason()
    {
        var failed = Assert.IsType<TransformResult.Failed>(Transform("""{ "events": [ """ + Points + """ ], "user_identities": [] }"""));

        Assert.StartsWith("the transform threw: the batch has no customer_id in user_identities", failed.Describe());
    }

    [Fact]
    public void ARefundListingProductsWithAZeroAmountIsAnInvalidElementNotAWholeRefund()
    {
        var batch = Batch("""{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":0,"products":[{"id":"SKU-1"}]}}}""");

        var element = Assert.Single(Assert.IsType<TransformResult.Many>(Transform(batch)).Values);
        var evaluation = Webhook.Evaluate(Json.Request(batch) with { Body = element });

        Assert.Equal(WebhookVerdict.InvalidEvent, evaluation.Verdict);
        Assert.Equal("data.amount", Assert.Single(evaluation.Mapping.Errors).Field);
    }

    /// <summary>The events the webhook registers for a batch, as ingestion builds them: the transform's array, each element an event.</summary>
    private static List<MappedEvent> Events(string batch)
    {
        var request = Json.Request(batch);
        var many = Assert.IsType<TransformResult.Many>(Transform(batch));
        return [.. many.Values.Select(element =>
        {
            var evaluation = Webhook.Evaluate(request with { Body = element });
            Assert.True(evaluation.Verdict == WebhookVerdict.Mapped, string.Join("; ", evaluation.Mapping.Errors));
            return evaluation.Mapping.Event!;
        })];
    }

    private static TransformResult Transform(string batch)
    {
        var request = Json.Request(batch);
        return Webhook.Transform!.Run(TransformInput.Of(request, request.Headers));
    }

    private static CompiledWebhook Compile()
    {
        var definition = MparticleBatchBlueprint.Batch.Definition;
        var result = WebhookCompiler.Compile(definition with { Verification = definition.Verification with { Secret = "Bearer mp-token" } }, EventCatalog.BuiltIn);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Webhook!;
    }
}
