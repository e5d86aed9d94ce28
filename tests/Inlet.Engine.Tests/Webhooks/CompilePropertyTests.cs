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

    private static readonly Gen<(string Operator, JsonNode? Value)> Operations = Gen.Frequency(
        (8, Gen.OneOf<(string, JsonNode?)>(("exists", null), ("equals", "10"), ("equals", 10), ("greater_than", 0), ("contains", "a"),
            ("in", new JsonArray(1, "a")), ("matches", "^a+$"), ("is_empty", null), ("not_in", new JsonArray("x")), ("starts_with", "k"))),
        (2, Gen.OneOf<(string, JsonNode?)>(("nope", 1), ("matches", "(["), ("exists", 1), ("in", 1), ("equals", null), ("equals", new JsonObject()))));

    private static readonly Gen<FilterNode?> Filters = Gen.Recursive<FilterNode?>((depth, inner) =>
    {
        var leaf = Gen.Select(
            Gen.Frequency((8, Gen.OneOf("body.clientID", "body.points", "headers.x-token", "body.items[k=v].a", "body.items.0")),
                (1, Gen.OneOf("total", "body..a", "body.a["))),
            Operations,
            (attribute, operation) => (FilterNode?)new FilterCondition(attribute, operation.Operator,
                operation.Value is null ? null : Json.Parse(operation.Value.ToJsonString())));
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

    /// <summary>Any mapping at all, mostly wrong for the action it lands in.</summary>
    private static readonly Gen<MappingDefinition> NoisyMappings = Gen.Select(
        Gen.OneOf("clientID", "points", "total", "items", "labels", "tx", "a.b", "x[k=v].y", "items.0", "body.a", "", "a..b"),
        Gen.OneOf("customer", "data.points", "data.reason", "data.transaction_id", "data.total", "data.items",
            "data.labels", "data.product_id", "data.amount", "data.a.b", "reason", "data."),
        Gen.OneOf<string?>(null, null, "10", "x", "", "a,b"),
        Gen.Select(Gen.OneOf("ten", "", "1"), Gen.OneOf("10", "x", "0"), (v, w) => new ReplaceRule(v, w)).Array[0, 2],
        SubMappings.Array[0, 2],
        (from, to, @default, replace, items) => new MappingDefinition { From = from, To = to, Default = @default, Replace = replace, Items = items });

    /// <summary>The mappings an action needs (each sometimes left out), then a few noisy ones.</summary>
    private static Gen<MappingDefinition[]> MappingsFor(EventType type) => Gen.Select(
        Keys.Array[type.Attributes.Length + 1], Gen.Int[0, 9].Array[type.Attributes.Length + 1], NoisyMappings.Array[0, 2],
        (sources, dice, noise) =>
        {
            var needed = type.Attributes.Select((a, i) => (a, i))
                .Where(x => x.a.Required ? dice[x.i] > 0 : dice[x.i] > 6)
                .Select(x => new MappingDefinition { From = sources[x.i], To = "data." + x.a.Name });
            var customer = dice[^1] > 0 ? [new MappingDefinition { From = sources[^1], To = "customer" }] : Array.Empty<MappingDefinition>();
            return (MappingDefinition[])[.. customer, .. needed, .. noise.Take(dice[^1] > 6 ? 2 : 0)];
        });

    private static readonly Gen<(string Action, MappingDefinition[] Mappings)> Actions = Gen.Frequency(
        (9, Gen.OneOf([.. EventCatalog.BuiltIn.Types]).SelectMany(t => MappingsFor(t).Select(m => (t.Name, m)))),
        (1, NoisyMappings.Array[0, 4].Select(m => ("nope", m))));

    private static readonly Gen<WebhookDefinition> Definitions = Gen.Select(
        Gen.Frequency((9, Gen.Const("Point add")), (1, Gen.Const(""))),
        Gen.Frequency((9, Gen.OneOf("POST", "PUT")), (1, Gen.Const("GET"))),
        Gen.Frequency((9, Gen.Const("endpoint1")), (1, Gen.OneOf("bad path", ""))),
        Filters,
        Actions,
        Gen.Frequency((8, Gen.OneOf<string?>(null, "{\"ok\":true}", "{\"id\":\"{{eventId}}\"}")), (2, Gen.OneOf<string?>("{'ok':true}", "[1"))),
        Gen.Frequency((8, Gen.OneOf(new VerificationDefinition(), new VerificationDefinition { Type = "token", Header = "X-Token", Secret = "s" })),
            (2, Gen.Const(new VerificationDefinition { Type = "hmac" }))),
        (name, method, endpoint, filter, action, success, verification) => new WebhookDefinition
        {
            Name = name, Method = method, Endpoint = endpoint, Filter = filter, Action = action.Action, Mappings = action.Mappings,
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
        }, iter: 5000);

        Assert.True(valid > 500, $"the generator should produce valid definitions too, not only {valid} of 5000");
    }

    [Fact]
    public void ACompiledWebhookEvaluatesAnyBodyWithoutThrowingAndTracesDoNotChangeTheOutcome()
    {
        var compiled = Definitions.Select(d => WebhookCompiler.Compile(d, EventCatalog.BuiltIn).Webhook).Where(w => w is not null);
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
