using Inlet.Engine.Filters;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

public class MatchingAllocatesNothingBeyondReading
{
    [Fact]
    public void AnUntracedFilterOverNumbersHeadersAndPresenceAllocatesNothing()
    {
        var filter = Filter("""
            {"all": [
              {"attribute": "body.order.total", "operator": "greater_than", "value": 100},
              {"attribute": "body.order.price", "operator": "in", "value": [5, 19.99, "20"]},
              {"attribute": "headers.x-count", "operator": "equals", "value": 10},
              {"attribute": "headers.x-token", "operator": "starts_with", "value": "secret"},
              {"any": [
                {"attribute": "body.order.missing", "operator": "exists"},
                {"attribute": "body.order.numbers", "operator": "contains", "value": 3},
                {"attribute": "body.order.meta", "operator": "is_empty"}
              ]}
            ]}
            """);
        var compiled = FilterCompiler.Compile(filter, RegexTimeout);
        var request = Request();
        Assert.True(compiled.Matches(request));

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            compiled.Matches(request);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
