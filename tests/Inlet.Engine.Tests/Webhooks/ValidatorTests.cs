using Inlet.Engine.Blueprints;
using Inlet.Engine.Events;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Webhooks;

public sealed class ValidatorTests
{
    private static IEnumerable<string> Faults(string definitionJson) =>
        WebhookValidator.Validate(Json.Definition(definitionJson), EventCatalog.BuiltIn).Select(e => e.ToString());

    [Fact]
    public void EveryFaultOfADefinitionIsReportedAtOnceWithItsField()
    {
        var faults = Faults("""
            {
              "name": "", "method": "GET", "endpoint": "end point!",
              "filter": { "all": [ { "attribute": "body.total", "operator": "greater", "value": 1 },
                                   { "attribute": "body.code", "operator": "matches", "value": "([a-z" } ] },
              "action": "point_add",
              "mappings": [ { "from": "reason", "to": "reason" }, { "from": "pts", "to": "data.points", "default": "abc" } ],
              "response": { "success": "{'ok':true}", "error": "{\"notok\":" },
              "verification": { "type": "hmac" },
              "idempotency": { "header": "Bad Header" },
              "filterMismatchStatus": 302
            }
            """).ToList();

        Assert.Contains("name: is required: give the webhook a name of at most 200 characters, e.g. Point add", faults);
        Assert.Contains("method: 'GET' is not allowed: write POST or PUT", faults);
        Assert.Contains("endpoint: 'end point!' is not an endpoint: use 1 to 64 letters, digits, - or _ (e.g. endpoint1)", faults);
        Assert.Contains(faults, f => f.StartsWith("filter.all[0].operator: ", StringComparison.Ordinal) && f.Contains("greater_than", StringComparison.Ordinal));
        Assert.Contains(faults, f => f.StartsWith("filter.all[1].value: ", StringComparison.Ordinal));
        Assert.Contains("mappings[0].to: 'reason' is neither customer nor data.<attribute>: write e.g. customer or data.points", faults);
        Assert.Contains("mappings[1].default: 'abc' is not an integer", faults);
        Assert.Contains("mappings: nothing maps the customer id: add a mapping whose To is customer (e.g. from clientID)", faults);
        Assert.Contains("response.success: uses single quotes, which JSON does not allow: write {\"ok\":true}", faults);
        Assert.Contains(faults, f => f.StartsWith("response.error: is not valid JSON: line 1", StringComparison.Ordinal));
        Assert.Contains("verification.header: '' is not a header name: write e.g. X-Inlet-Token", faults);
        Assert.Contains("verification.secret: is required: the shared secret the body is signed with", faults);
        Assert.Contains("idempotency.header: 'Bad Header' is not a header name: write e.g. Idempotency-Key", faults);
        Assert.Contains("filterMismatchStatus: 302 is not allowed: use a 2xx status (e.g. 200) or a 4xx one (default 422)", faults);
        Assert.Equal(14, faults.Count);
    }

    [Theory]
    [InlineData("""{"action":"pointadd"}""", "action: 'pointadd' is not an event type: choose one of point_add, point_sub, checkout, checkout_item, checkout_accept, checkout_accept_item, checkout_reject, refund, partial_refund, opt_in, opt_out, profile, or from_transform when a transform returns whole events")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"}]}""", "mappings: point_add requires data.points: add a mapping whose To is data.points")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points"},{"from":"x","to":"data.pionts"}]}""", "mappings[2].to: point_add has no attribute 'pionts'; its attributes are data.points, data.reason, data.effective_timestamp")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points"},{"from":"q","to":"data.points"}]}""", "mappings[2].to: data.points is already mapped by mappings[1]: keep one of them")]
    [InlineData("""{"mappings":[{"from":"body.id","to":"customer"},{"from":"p","to":"data.points"}]}""", "mappings[0].from: From reads the request body already: write 'id' instead of 'body.id'")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p..q","to":"data.points"}]}""", "mappings[1].from: 'p..q': has an empty segment (two dots, or a dot at the start)")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p | ","to":"data.points"}]}""", "mappings[1].from: has an empty alternative: write a body path on each side of '|' (e.g. $FirstName | $firstname)")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p | body.q","to":"data.points"}]}""", "mappings[1].from: From reads the request body already: write 'q' instead of 'body.q'")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points","replace":[{"value":"ten","with":"dix"}]}]}""", "mappings[1].replace[0].with: 'dix' is not an integer")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points","items":[{"from":"a","to":"b"}]}]}""", "mappings[1].items: sub-mappings apply to lists of objects; data.points is an integer")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points.value"}]}""", "mappings[1].to: data.points is an integer, it has no parts: write data.points")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points"},{"to":"data.reason"}]}""", "mappings[2].from: is empty: write the body attribute to read (e.g. clientID), or give a default to send a constant")]
    [InlineData("""{"endpoint":"endpoint1\n"}""", "endpoint: 'endpoint1\n' is not an endpoint: use 1 to 64 letters, digits, - or _ (e.g. endpoint1)")]
    [InlineData("""{"mappings":[{"from":"id","to":"customer"},{"from":"p","to":"data.points"},{"from":"r","to":"data.reason\n"}]}""", "mappings[2].to: 'data.reason\n' is neither customer nor data.<attribute>: write e.g. customer or data.points")]
    [InlineData("""{"rateLimit":{"requests":0,"perSeconds":60}}""", "rateLimit: 0 requests per 60 s is not allowed: use 1 to 1000000 requests per 1 to 86400 seconds")]
    [InlineData("""{"verification":{"type":"signature"}}""", "verification.type: 'signature' is not a verification type: write one of none, token, basic, hmac, standard-webhooks")]
    [InlineData("""{"verification":{"type":"standard-webhooks","secret":"abc"}}""", "verification.secret: must be a Standard Webhooks secret: whsec_ followed by base64 (at most 256 bytes)")]
    [InlineData("""{"idempotency":{"header":"Idempotency-Key","bodyPath":"id"}}""", "idempotency: choose where the key is: a header or a body path, not both")]
    public void EachFaultSaysHowToFixIt(string overrides, string expected)
    {
        var definition = Merge(ValidPointAdd, overrides);

        Assert.Equal([expected], Faults(definition));
    }

    [Fact]
    public void EveryBlueprintOfTheManualIsValid()
    {
        foreach (var blueprint in ManualBlueprints.All.Skip(1))
        {
            Assert.Empty(WebhookValidator.Validate(blueprint.Definition, EventCatalog.BuiltIn));
        }
    }

    [Fact]
    public void MappingsOfACustomTypeFollowItsAttributes()
    {
        var catalog = EventCatalog.WithCustom([new EventType("review_written", "Review written",
            [new AttributeSchema("stars", AttributeType.Integer, Required: true)], BuiltIn: false, Points: 50)]);
        var definition = Json.Definition(Merge(ValidPointAdd, """{"action":"review_written","mappings":[{"from":"id","to":"customer"}]}"""));

        Assert.Equal(["mappings: review_written requires data.stars: add a mapping whose To is data.stars"],
            WebhookValidator.Validate(definition, catalog).Select(e => e.ToString()));
    }

    private const string ValidPointAdd = """
        { "name": "Point add", "method": "POST", "endpoint": "endpoint1",
          "filter": { "all": [ { "attribute": "body.pointadd", "operator": "exists" } ] },
          "action": "point_add",
          "mappings": [ { "from": "clientID", "to": "customer" }, { "from": "pointstobeadded", "to": "data.points" } ] }
        """;

    private static string Merge(string baseJson, string overridesJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(baseJson)!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overridesJson)!.AsObject())
        {
            node[key] = value?.DeepClone();
        }
        return node.ToJsonString();
    }
}
