using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Inlet.Engine.Events;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Webhooks;

/// <summary>Arbitrary definitions and bodies, built from fragments that are often valid and often not.</summary>
public sealed class CompilePropertyTests
{
    private static readonly Gen<string> Keys = Gen.OneOf("clientID", "points", "total", "items", "labels", "a", "tx", "sku");

    private static readonly Gen<JsonNode?> Scalars = Gen.OneOf<JsonNode?>(
        Gen.Const<JsonNode?>(() => null), Gen.Int[-5, 5].Select(i => (JsonNode?)i), Gen.Bool.Select(b => (JsonNode?)b),
        Gen.OneOf("", " ", "10", "10.5", "ten", "yes", "a,b", "2026-11-29", "2026-11-29T10:00:00Z", "k=v").Select(s => (JsonNode?)s));

    private static readonly Gen<JsonNode?> Values = Gen.Recursive<JsonNode?>((depth, inner) => depth > 3
        ? Scalars
        : Gen.Frequency(
            (4, Scalars),
            (1, inner.Array[0, 3].Select(a => (JsonNode?)new JsonArray([.. a.Select(n => n?.DeepClone())]))),
            (1, Gen.Select(Keys, inner).Array[0, 3].Select(ps => (JsonNode?)Object(ps)))));

    private static readonly Gen<JsonElement> Bodies = Gen.Select(Keys, Values).Array[0, 6].Select(ps => Json.Parse(Object(ps).ToJsonString()));

    private static readonly Gen<FilterNode?> Filters = Gen.Recursive<FilterNode?>((depth, inner) =>
    {
        var leaf = Gen.Select(
            Gen.OneOf("body.clientID", "body.points", "headers.x-token", "body.items[k=v].a", "body.items.0", "total", "body..a"),
            Gen.OneOf("exists", "equals", "greater_than", "contains", "in", "matches", "is_empty", "not_in", "nope"),
            Values,
            (attribute, op, value) => (FilterNode?)new FilterCondition(attribute, op, value is null ? null : Json.Parse(value.ToJsonString())));
        return depth > 2
            ? leaf
            : Gen.Frequency((3, leaf), (1, Gen.Const<FilterNode?>(() => null)),
                (2, Gen.Select(Gen.Bool, inner.Array[0, 3], (all, children) =>
                    (FilterNode?)new FilterGroup(all ? FilterJoin.All : FilterJoin.Any, [.. children.OfType<FilterNode>()]))));
    });

    private static readonly Gen<MappingDefinition> SubMappings = Gen.Select(
        Gen.OneOf("sku", "qty", "", "a.b"), Gen.OneOf("product_id", "quantity", "price", "data.x", "customer"),
        Gen.OneOf<string?>(null, "1", "x"),
        (from, to, @default) => new MappingDefinition { From = from, To = to, Default = @default });

    private static readonly Gen<MappingDefinition> Mappings = Gen.Select(
        Gen.OneOf("clientID", "points", "total", "items", "labels", "tx", "a.b", "x[k=v].y", "items.0", "body.a", "", "a..b"),
        Gen.OneOf("customer", "customer", "data.points", "data.reason", "data.transaction_id", "data.total", "data.items",
            "data.labels", "data.product_id", "data.amount", "data.a.b", "reason", "data."),
        Gen.OneOf<string?>(null, null, "10", "x", "", "a,b"),
        Gen.Select(Gen.OneOf("ten", "", "1"), Gen.OneOf("10", "x", "0"), (v, w) => new ReplaceRule(v, w)).Array[0, 2],
        SubMappings.Array[0, 2],
        (from, to, @default, replace, items) => new MappingDefinition { From = from, To = to, Default = @default, Replace = replace, Items = items });

    private static readonly Gen<WebhookDefinition> Definitions = Gen.Select(
        Gen.OneOf("Point add", ""), Gen.OneOf("POST", "PUT", "GET"), Gen.OneOf("endpoint1", "bad path", ""),
        Filters,
        Gen.OneOf([.. EventCatalog.BuiltIn.Types.Select(t => t.Name), "nope"]),
        Mappings.Array[0, 6],
        Gen.OneOf<string?>(null, "{\"ok\":true}", "{'ok':true}", "[1", "{\"id\":\"{{eventId}}\"}"),
        Gen.OneOf(new VerificationDefinition(), new VerificationDefinition { Type = "token", Header = "X-Token", Secret = "s" },
            new VerificationDefinition { Type = "hmac" }),
        (name, method, endpoint, filter, action, mappings, success, verification) => new WebhookDefinition
        {
            Name = name, Method = method, Endpoint = endpoint, Filter = filter, Action = action, Mappings = mappings,
            Response = new ResponseDefinition(success), Verification = verification,
        });

    [Fact]
    public void ADefinitionCompilesExactlyWhenTheValidatorFindsNoFault()
    {
        var valid = 0;
        Definitions.Sample(definition =>
        {
            var faults = WebhookValidator.Validate(definition, EventCatalog.BuiltIn);
            var compiled = WebhookCompiler.Compile(definition, EventCatalog.BuiltIn);
            if (compiled.Succeeded)
            {
                Interlocked.Increment(ref valid);
            }
            return compiled.Succeeded == (faults.Count == 0) && compiled.Errors.SequenceEqual(faults);
        }, iter: 20_000);

        Assert.True(valid > 0, "the generator should produce some valid definitions too");
    }

    [Fact]
    public void ACompiledWebhookEvaluatesAnyBodyWithoutThrowingAndTracesDoNotChangeTheOutcome()
    {
        var compiled = Gen.Select(Filters, Gen.OneOf([.. EventCatalog.BuiltIn.Types]), Keys.Array[12], Gen.Bool.Array[12],
                (filter, type, sources, optional) => WebhookCompiler.Compile(new WebhookDefinition
                {
                    Name = "Any", Endpoint = "any", Filter = filter, Action = type.Name,
                    Mappings = [new MappingDefinition { From = sources[^1], To = "customer" },
                        .. type.Attributes.Select((a, i) => (a, i)).Where(x => x.a.Required || optional[x.i])
                            .Select(x => new MappingDefinition { From = sources[x.i], To = "data." + x.a.Name })],
                }, EventCatalog.BuiltIn).Webhook)
            .Where(w => w is not null);
        Gen.Select(compiled, Bodies).Sample((webhook, body) =>
        {
            var request = WebhookRequest.Create(body, [KeyValuePair.Create("X-Token", "10")]);
            var plain = webhook!.Evaluate(request);
            var traced = webhook.Evaluate(request, trace: true);
            return plain.Verdict == traced.Verdict
                && plain.Mapping.Errors.SequenceEqual(traced.Mapping.Errors)
                && plain.Mapping.Event?.Data.ToJsonString() == traced.Mapping.Event?.Data.ToJsonString()
                && traced.FilterTrace is not null;
        }, iter: 3000);
    }

    private static JsonObject Object(IEnumerable<(string Key, JsonNode? Value)> properties)
    {
        var result = new JsonObject();
        foreach (var (key, value) in properties)
        {
            result[key] = value?.DeepClone();
        }
        return result;
    }
}
