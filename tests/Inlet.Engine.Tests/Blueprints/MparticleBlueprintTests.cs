using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Blueprints;

/// <summary>The mParticle blueprints against batches shaped like mParticle's webhook output, one event per request.</summary>
public sealed class MparticleBlueprintTests
{
    private const string Identities = """
        "user_identities": [ {"identity_type":"email","encoding":"raw","identity":"jane@example.com"},
                             {"identity_type":"customer_id","encoding":"raw","identity":"cust-42"} ],
        "user_attributes": { "$FirstName": "Jane", "$LastName": "Doe", "tier": "gold" },
        "mpid": 8675309, "environment": "production", "schema_version": 2
        """;

    private static string Batch(string eventJson) => $$"""{ "events": [ {{eventJson}} ], {{Identities}} }""";

    public static TheoryData<string, string, string> Cases => new()
    {
        { "mparticle-custom-event",
            Batch("""{"event_type":"custom_event","data":{"event_name":"review_written","custom_event_type":"other","custom_attributes":{"points":"50"}}}"""),
            """{"points":50,"reason":"review_written"}""" },
        { "mparticle-purchase",
            Batch("""{"event_type":"commerce_event","data":{"currency_code":"EUR","product_action":{"action":"purchase","transaction_id":"T-9","total_amount":59.9,"products":[{"id":"SKU-1","name":"Mug","quantity":2,"price":"12.5","total_product_amount":25},{"id":"SKU-2","name":"Tea","quantity":"1","price":34.9,"total_product_amount":34.9}]}}}"""),
            """{"transaction_id":"T-9","total":59.9,"currency":"EUR","items":[{"product_id":"SKU-1","product_name":"Mug","quantity":2,"price":12.5,"subtotal":25},{"product_id":"SKU-2","product_name":"Tea","quantity":1,"price":34.9,"subtotal":34.9}]}""" },
        { "mparticle-refund",
            Batch("""{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9"}}}"""),
            """{"transaction_id":"T-9"}""" },
        { "mparticle-refund",
            Batch("""{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":0,"products":null}}}"""),
            """{"transaction_id":"T-9"}""" },
        { "mparticle-partial-refund",
            Batch("""{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":25,"products":[{"id":"SKU-1","quantity":2,"price":12.5,"total_product_amount":25}]}}}"""),
            """{"transaction_id":"T-9","amount":25}""" },
        { "mparticle-user-attributes",
            Batch("""{"event_type":"user_attribute_change","data":{"user_attribute_name":"$FirstName","new":"Jane","old":"J"}}"""),
            """{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"}""" },
        { "mparticle-registration",
            Batch("""{"event_type":"custom_event","data":{"event_name":"registration","custom_event_type":"other"}}"""),
            """{"first_name":"Jane","last_name":"Doe","email":"jane@example.com"}""" },
        { "mparticle-opt-out",
            Batch("""{"event_type":"opt_out","data":{"is_opted_out":true}}"""),
            "{}" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void AnMparticleBatchBecomesTheEventForItsCustomer(string blueprint, string batch, string data)
    {
        var webhook = Compile(blueprint);

        var evaluation = webhook.Evaluate(Json.Request(batch, ("Authorization", "Bearer mp-token")));

        Assert.Equal(WebhookVerdict.Mapped, evaluation.Verdict);
        Assert.Equal("cust-42", evaluation.Mapping.Event!.Customer);
        Assert.Equal(data, evaluation.Mapping.Event.Data.ToJsonString());
    }

    [Theory]
    [InlineData("mparticle-user-attributes", "$FirstName", "$LastName")]
    [InlineData("mparticle-user-attributes", "$firstname", "$lastname")]
    [InlineData("mparticle-registration", "$FirstName", "$LastName")]
    [InlineData("mparticle-registration", "$firstname", "$lastname")]
    public void BothOfMparticlesSpellingsOfTheReservedNamesAreRead(string blueprint, string first, string last)
    {
        var eventJson = blueprint == "mparticle-registration"
            ? """{"event_type":"custom_event","data":{"event_name":"registration"}}"""
            : """{"event_type":"user_attribute_change","data":{"user_attribute_name":"$firstname","new":"Jane"}}""";
        var batch = $$"""
            { "events": [ {{eventJson}} ], "user_attributes": { "{{first}}": "Jane", "{{last}}": "Doe" },
              "user_identities": [ {"identity_type":"customer_id","identity":"cust-42"} ] }
            """;

        var evaluation = Compile(blueprint).Evaluate(Json.Request(batch));

        Assert.Equal("""{"first_name":"Jane","last_name":"Doe"}""", evaluation.Mapping.Event!.Data.ToJsonString());
    }

    [Theory]
    [InlineData("mparticle-purchase", """{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9"}}}""")]
    [InlineData("mparticle-refund", """{"event_type":"commerce_event","data":{"product_action":{"action":"purchase","transaction_id":"T-9","total_amount":1}}}""")]
    [InlineData("mparticle-refund", """{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","products":[{"id":"SKU-1"}]}}}""")]
    [InlineData("mparticle-refund", """{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":5}}}""")]
    [InlineData("mparticle-partial-refund", """{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":0,"products":[]}}}""")]
    [InlineData("mparticle-partial-refund", """{"event_type":"commerce_event","data":{"product_action":{"action":"purchase","transaction_id":"T-9","total_amount":5}}}""")]
    [InlineData("mparticle-opt-out", """{"event_type":"opt_out","data":{"is_opted_out":false}}""")]
    [InlineData("mparticle-opt-out", """{"event_type":"opt_out","data":{}}""")]
    [InlineData("mparticle-registration", """{"event_type":"custom_event","data":{"event_name":"level_up"}}""")]
    [InlineData("mparticle-custom-event", """{"event_type":"screen_view","data":{"screen_name":"home"}}""")]
    [InlineData("mparticle-opt-out", """{"event_type":"custom_event","data":{"event_name":"registration"}}""")]
    public void AnotherKindOfMparticleEventIsFilteredOut(string blueprint, string eventJson)
    {
        var evaluation = Compile(blueprint).Evaluate(Json.Request(Batch(eventJson)));

        Assert.Equal(WebhookVerdict.FilteredOut, evaluation.Verdict);
    }

    [Fact]
    public void AnMparticleRefundListingProductsWithAZeroAmountIsAnInvalidEventNotAWholeRefund()
    {
        var batch = Batch("""{"event_type":"commerce_event","data":{"product_action":{"action":"refund","transaction_id":"T-9","total_amount":0,"products":[{"id":"SKU-1","total_product_amount":25}]}}}""");

        Assert.Equal(WebhookVerdict.FilteredOut, Compile("mparticle-refund").Evaluate(Json.Request(batch)).Verdict);
        var partial = Compile("mparticle-partial-refund").Evaluate(Json.Request(batch));
        Assert.Equal(WebhookVerdict.InvalidEvent, partial.Verdict);
        Assert.Equal("data.amount", Assert.Single(partial.Mapping.Errors).Field);
    }

    [Fact]
    public void AnMparticleBlueprintNeedsTheTokenToBeChosen()
    {
        foreach (var blueprint in MparticleBlueprints.All)
        {
            Assert.Equal(["verification.secret: is required: the token the sender puts in the header"],
                WebhookValidator.Validate(blueprint.Definition, EventCatalog.BuiltIn).Select(e => e.ToString()));
        }
    }

    [Fact]
    public void BlankComesFirstThenTheManualThenMparticle()
    {
        Assert.Equal("blank", BlueprintCatalog.All[0].Id);
        Assert.Equal(14, BlueprintCatalog.All.Count);
        Assert.Equal(BlueprintCatalog.All.Count, BlueprintCatalog.All.Select(b => b.Definition.Endpoint).Distinct().Count());
    }

    private static CompiledWebhook Compile(string id)
    {
        var definition = BlueprintCatalog.Find(id)!.Definition;
        var result = WebhookCompiler.Compile(definition with { Verification = definition.Verification with { Secret = "Bearer mp-token" } }, EventCatalog.BuiltIn);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Webhook!;
    }
}
