using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Webhooks;

/// <summary>The five use cases of the manual: their configurations applied to their payloads, with the filter field present.</summary>
public sealed class ManualUseCaseTests
{
    public static TheoryData<string, string, string, string> UseCases => new()
    {
        { "point-add", """{"clientID":"cust-1","pointstobeadded":"100","reason":"welcome bonus","pointadd":true}""",
            "cust-1", """{"reason":"welcome bonus","points":100}""" },
        { "point-sub", """{"clientID":"cust-1","pointsub":30,"reason":"redeemed a voucher"}""",
            "cust-1", """{"reason":"redeemed a voucher","points":30}""" },
        { "checkout-accept", """{"clientID":"cust-1","transaction_id":"T-1001","total":"120.50","checkoutaccept":true}""",
            "cust-1", """{"transaction_id":"T-1001","total":120.50}""" },
        { "checkout-accept-item", """{"clientID":"cust-1","transaction_id":"T-1002","total":"80","product_id":"SKU-9","subtotal":"40","quantity":"2","checkoutacceptitem":true}""",
            "cust-1", """{"transaction_id":"T-1002","total":80,"product_id":"SKU-9","subtotal":40,"quantity":2}""" },
        { "optin-labels", """{"customerID":"cust-2","optin_labels":"jane@example.com","first_name":"Jane","last_name":"Doe","labels":"vip,newsletter"}""",
            "cust-2", """{"email":"jane@example.com","first_name":"Jane","last_name":"Doe","labels":["vip","newsletter"]}""" },
    };

    [Theory]
    [MemberData(nameof(UseCases))]
    public void TheManualsPayloadBecomesTheExpectedEvent(string blueprint, string payload, string customer, string data)
    {
        var webhook = Compile(blueprint);

        var evaluation = webhook.Evaluate(Json.Request(payload));

        Assert.Equal(WebhookVerdict.Mapped, evaluation.Verdict);
        Assert.Equal(customer, evaluation.Mapping.Event!.Customer);
        Assert.Equal(webhook.Definition.Action, evaluation.Mapping.Event.Action);
        Assert.Equal(data, evaluation.Mapping.Event.Data.ToJsonString());
    }

    [Theory]
    [InlineData("point-add", """{"clientID":"cust-1","pointstobeadded":"100"}""")]
    [InlineData("point-sub", """{"clientID":"cust-1","pointsub":0}""")]
    [InlineData("point-sub", """{"clientID":"cust-1","pointsub":"-5"}""")]
    [InlineData("checkout-accept", """{"clientID":"cust-1","transaction_id":"T","total":1}""")]
    [InlineData("checkout-accept-item", """{"clientID":"cust-1","transaction_id":"T","product_id":"P"}""")]
    [InlineData("optin-labels", """{"customerID":"cust-2","first_name":"Jane"}""")]
    public void APayloadWithoutTheFilterFieldIsFilteredOut(string blueprint, string payload)
    {
        var evaluation = Compile(blueprint).Evaluate(Json.Request(payload), trace: true);

        Assert.Equal(WebhookVerdict.FilteredOut, evaluation.Verdict);
        Assert.False(Assert.Single(evaluation.FilterTrace!).Result);
    }

    [Fact]
    public void TheManualsSingleQuotedResponsesAreRejectedWithTheirFix()
    {
        var definition = ManualBlueprints.PointAdd.Definition with { Response = new ResponseDefinition("{'ok':true}", "{'notok':false}") };

        Assert.Equal(
            ["response.success: uses single quotes, which JSON does not allow: write {\"ok\":true}",
             "response.error: uses single quotes, which JSON does not allow: write {\"notok\":false}"],
            WebhookValidator.Validate(definition, EventCatalog.BuiltIn).Select(e => e.ToString()));
    }

    [Fact]
    public void TheConfiguredResponsesAreAnswered()
    {
        var webhook = Compile("point-add");

        Assert.Equal("""{"ok":true}""", webhook.Success.Render(new(EventId: "e1")));
        Assert.Equal("""{"notok":false}""", webhook.Error.Render(new(ErrorCode: "invalid_event")));
    }

    private static CompiledWebhook Compile(string blueprint)
    {
        var result = WebhookCompiler.Compile(ManualBlueprints.All.Single(b => b.Id == blueprint).Definition, EventCatalog.BuiltIn);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return result.Webhook!;
    }
}
