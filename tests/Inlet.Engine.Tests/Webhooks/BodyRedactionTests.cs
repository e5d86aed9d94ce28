using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Webhooks;

public sealed class BodyRedactionTests
{
    private static CompiledWebhook Compile(params string[] paths) =>
        WebhookCompiler.Compile(ManualBlueprints.PointAdd.Definition with { RedactBodyPaths = paths }, EventCatalog.BuiltIn).Webhook!;

    [Fact]
    public void TheValuesUnderTheRedactedPathsAreMaskedAndTheRestKept()
    {
        var webhook = Compile("email", "user_identities[identity_type=email].identity", "items.0.name", "missing.path");

        var kept = webhook.RedactBody("""
            {"clientID":"c1","email":"jane@example.com","user_identities":[{"identity_type":"customer_id","identity":"c1"},{"identity_type":"email","identity":"jane@example.com"}],"items":[{"name":"Jane's gift","sku":"A"}]}
            """);

        Assert.Equal("""{"clientID":"c1","email":"[redacted]","user_identities":[{"identity_type":"customer_id","identity":"c1"},{"identity_type":"email","identity":"[redacted]"}],"items":[{"name":"[redacted]","sku":"A"}]}""", kept);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"clientID":"c1"}""")]
    public void ABodyThatIsNotJsonOrHoldsNoneOfThePathsIsKeptAsReceived(string body)
    {
        Assert.Equal(body, Compile("email").RedactBody(body));
    }

    [Fact]
    public void ARedactedPathThatDoesNotParseIsAFaultOfTheDefinition()
    {
        var faults = WebhookValidator.Validate(ManualBlueprints.PointAdd.Definition with { RedactBodyPaths = ["email", "a..b"] }, EventCatalog.BuiltIn);

        Assert.Equal(["redactBodyPaths[1]: 'a..b': has an empty segment (two dots, or a dot at the start)"], faults.Select(f => f.ToString()));
    }
}
