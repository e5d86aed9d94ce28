using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using CsCheck;
using Inlet.Engine.Filters;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

/// <summary>Arbitrary filter trees against arbitrary requests: a filter that validates compiles and matches without throwing.</summary>
public class FiltersNeverThrowOnArbitraryInput
{
    private static readonly string[] Keys = ["a", "b", "k", "items", "data", "0"];

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOf("", " ", "a", "abc", "10", "9", "-1.5", "1e400", "true", "TRUE", "null", "aaaaaaaaaaaaaaaaaaaa!", "v")),
        (1, Gen.String));

    private static readonly Gen<string> ScalarJson = Gen.OneOf(
        Gen.Int[-20, 20].Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.OneOf("1.5", "-0", "1e400", "12345678901234567890123", "true", "false", "null"),
        Text.Select(t => JsonSerializer.Serialize(t)));

    private static readonly Gen<string> NonNullScalarJson = ScalarJson.Where(json => json != "null");

    private static readonly Gen<string> AnyJson = Gen.Recursive<string>((depth, json) => depth >= 3
        ? ScalarJson
        : Gen.Frequency(
            (3, ScalarJson),
            (2, json.Array[0, 3].Select(items => $"[{string.Join(",", items)}]")),
            (2, Gen.Select(Gen.OneOf(Keys), json).Array[0, 4].Select(Object))));

    private static readonly Gen<string> Attribute = Gen.Frequency(
        (30, Gen.OneOf("body.a", "body.a.b", "body.items.0", "body.items[k=v].a", "body.items[0].a", "body.data.b.0",
            "body.0", "headers.x-a", "headers.X-A", "headers.x-b")),
        (1, Gen.OneOf("body.", "body..a", "a", "", "headers.", "body.a[", "body.a[x]", "body.a.", "headers.a b")),
        (1, Gen.String));

    private static readonly Gen<string> Operator = Gen.Frequency(
        (40, Gen.OneOf([.. FilterOperators.All.Select(o => o.Name)])),
        (1, Gen.OneOf("greater", "", "EQUALS", "in list")),
        (1, Gen.String));

    private static readonly Gen<JsonElement?> NoValue = Gen.Const(default(JsonElement?));

    private static readonly Gen<JsonElement?> AnyValue = Gen.Frequency(
        (1, NoValue),
        (4, AnyJson.Select(json => (JsonElement?)Json(json))));

    private static readonly Gen<FilterNode> Leaf = Gen.Select(Attribute, Operator).SelectMany((attribute, op) =>
        Gen.Frequency((12, FittingValue(op)), (1, AnyValue)).Select(value => (FilterNode)new FilterCondition(attribute, op, value)));

    private static readonly Gen<FilterNode> Tree = Gen.Recursive<FilterNode>((depth, node) => depth >= 4
        ? Leaf
        : Gen.Frequency(
            (depth == 0 ? 1 : 3, Leaf),
            (depth == 0 ? 3 : 1, Gen.Select(Gen.Bool, node.Array[0, 5],
                (all, children) => (FilterNode)new FilterGroup(all ? FilterJoin.All : FilterJoin.Any, children)))));

    /// <summary>A body shaped like the generated attributes (so most conditions find a value), each part optional and arbitrary.</summary>
    private static readonly Gen<string> ShapedBody = Gen.Select(
        Gen.Frequency((2, AnyJson), (1, AnyJson.Select(b => Object([("b", b)])))),
        Gen.Select(AnyJson, AnyJson, Gen.Bool).Select((a, rest, keyed) => $"[{Object([("k", keyed ? "\"v\"" : "\"w\""), ("a", a)])},{rest}]"),
        AnyJson.Select(b => Object([("b", $"[{b}]")])),
        AnyJson,
        Gen.Int[0, 15],
        (a, items, data, zero, omit) => Object([.. new[] { ("a", a), ("items", items), ("data", data), ("0", zero) }
            .Where((_, i) => (omit & (1 << i)) == 0)]));

    private static readonly Gen<WebhookRequest> Requests = Gen.Select(
        Gen.Frequency((6, ShapedBody), (2, Gen.Select(Gen.OneOf(Keys), AnyJson).Array[1, 7].Select(Object)), (1, AnyJson)),
        Gen.Select(Gen.OneOf("x-a", "X-A", "x-b", "idempotency-key"), Text).Array[0, 4],
        Gen.Bool,
        (body, headers, caseInsensitive) =>
        {
            var distinct = headers.DistinctBy(h => h.Item1, StringComparer.OrdinalIgnoreCase)
                .Select(h => KeyValuePair.Create(h.Item1, h.Item2));
            return caseInsensitive
                ? WebhookRequest.Create(Json(body), distinct)
                : new WebhookRequest(new Dictionary<string, string>(distinct, StringComparer.Ordinal), Json(body));
        });

    [Fact]
    public void AValidFilterCompilesAndMatchesAnyRequestTheSameWithAndWithoutATrace()
    {
        var evaluatedOnAValue = new ConcurrentDictionary<string, int>();
        Gen.Select(Tree, Requests).Sample((filter, request) =>
        {
            if (Validate(filter).Count > 0)
            {
                return;
            }
            var compiled = FilterCompiler.Compile(filter, TimeSpan.FromMilliseconds(50));
            var trace = new List<FilterTraceEntry>();
            var untraced = compiled.Matches(request);
            var traced = compiled.Matches(request, trace);
            Assert.Equal(untraced, traced);
            Assert.Equal(CountLeaves(filter), trace.Count);
            foreach (var entry in trace.Where(t => t.Found))
            {
                evaluatedOnAValue.AddOrUpdate(entry.Operator, 1, (_, n) => n + 1);
            }
        }, iter: 3000);

        // The run is only worth something if every operator met values that were present, not just missing ones.
        Assert.All(FilterOperators.All, op => Assert.True(evaluatedOnAValue.GetValueOrDefault(op.Name) >= 20, $"{op.Name}: {evaluatedOnAValue.GetValueOrDefault(op.Name)}"));
    }

    [Fact]
    public void TheGeneratorProducesValidFiltersOftenEnoughToMatter()
    {
        var valid = 0;
        Tree.Sample(filter =>
        {
            if (Validate(filter).Count == 0)
            {
                Interlocked.Increment(ref valid);
            }
        }, iter: 1000, threads: 1);
        Assert.InRange(valid, 200, 1000);
    }

    private static Gen<JsonElement?> FittingValue(string op) => FilterOperators.Find(op) switch
    {
        null or { TakesValue: false } => NoValue,
        { ValueIsList: true } => NonNullScalarJson.Array[1, 4].Select(items => (JsonElement?)Json($"[{string.Join(",", items)}]")),
        { Operator: FilterOperator.Matches } => Gen.OneOf("^a", "(a+)+$", "[0-9]+", ".*", "(", "a{2,}", "^$", "\\d")
            .Select(pattern => (JsonElement?)Json(JsonSerializer.Serialize(pattern))),
        _ => NonNullScalarJson.Select(json => (JsonElement?)Json(json)),
    };

    private static string Object((string Key, string Json)[] members) =>
        "{" + string.Join(",", members.DistinctBy(m => m.Key).Select(m => $"{JsonSerializer.Serialize(m.Key)}:{m.Json}")) + "}";

    private static int CountLeaves(FilterNode node) =>
        node is FilterGroup group ? group.Conditions.Sum(CountLeaves) : 1;
}
