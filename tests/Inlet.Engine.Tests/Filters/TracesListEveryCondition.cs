using Inlet.Engine.Filters;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

public class TracesListEveryCondition
{
    private const string ThreeConditions = """
        {"all": [
          {"attribute": "body.order.total", "operator": "greater_than", "value": 1000},
          {"any": [
            {"attribute": "headers.X-Token", "operator": "equals", "value": "secret-123"},
            {"attribute": "body.order.missing", "operator": "exists"}
          ]}
        ]}
        """;

    [Fact]
    public void EveryConditionAppearsWithItsActualValueEvenAfterTheResultIsKnown()
    {
        var trace = new List<FilterTraceEntry>();

        Assert.False(Matches(Filter(ThreeConditions), Request(), trace));

        Assert.Equal(
        [
            new("body.order.total", "greater_than", "1000", "150", Found: true, Result: false, Note: null),
            new("headers.X-Token", "equals", "\"secret-123\"", "secret-123", Found: true, Result: true, Note: null),
            new("body.order.missing", "exists", null, null, Found: false, Result: false, Note: null),
        ], trace);
    }

    [Fact]
    public void ActualValuesAreTheirJsonText()
    {
        var filter = Filter("""
            {"any": [
              {"attribute": "body.order.code", "operator": "equals", "value": "abc"},
              {"attribute": "body.order.tags", "operator": "contains", "value": "vip"},
              {"attribute": "body.order.nothing", "operator": "is_empty"},
              {"attribute": "body.order.nested", "operator": "is_not_empty"}
            ]}
            """);
        var trace = new List<FilterTraceEntry>();

        Assert.True(Matches(filter, Request(), trace));

        Assert.Equal(["\"abc\"", "[\"vip\", \"new\"]", "null", "{\"a\": 1}"], trace.Select(t => t.Actual));
        Assert.All(trace, t => Assert.True(t.Result));
    }

    [Theory]
    [InlineData("{\"order\": {\"total\": 2000}}", true)]
    [InlineData("{\"order\": {\"total\": 5}}", false)]
    [InlineData("[]", false)]
    [InlineData("\"just text\"", false)]
    public void TheTracedResultIsTheUntracedResult(string body, bool expected)
    {
        var filter = Filter(ThreeConditions);
        var compiled = FilterCompiler.Compile(filter, RegexTimeout);
        var trace = new List<FilterTraceEntry>();

        Assert.Equal(expected, compiled.Matches(Request(body)));
        Assert.Equal(expected, compiled.Matches(Request(body), trace));
        Assert.Equal(3, trace.Count);
    }
}
