using Inlet.Engine.Filters;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

public class RegexConditionsRunWithATimeout
{
    [Theory]
    [InlineData("body.order.ref", "^ORD-[0-9]+$", true)]
    [InlineData("body.order.ref", "^ord", false)]
    [InlineData("body.order.ref", "", true)]
    [InlineData("body.order.total", "^1\\d+$", true)]
    [InlineData("body.order.paid", "^true$", true)]
    [InlineData("body.order.tags", "vip", false)]
    [InlineData("body.order.nested", ".*", false)]
    [InlineData("body.order.nothing", ".*", false)]
    [InlineData("body.missing", ".*", false)]
    [InlineData("headers.x-token", "^secret-\\d+$", true)]
    public void MatchesRunsTheRegexOnTheTextOfAScalar(string attribute, string pattern, bool expected) =>
        Assert.Equal(expected, Matches(Condition(attribute, "matches", $"\"{pattern.Replace("\\", "\\\\", StringComparison.Ordinal)}\""), Request()));

    [Fact]
    public void ACatastrophicRegexTimesOutAsNoMatchAndIsNotedInTheTrace()
    {
        var body = $$"""{"text": "{{new string('a', 5000)}}!"}""";
        var filter = Condition("body.text", "matches", "\"(a+)+$\"");
        var compiled = FilterCompiler.Compile(filter, TimeSpan.FromMilliseconds(1));
        var trace = new List<FilterTraceEntry>();

        Assert.False(compiled.Matches(Request(body)));
        Assert.False(compiled.Matches(Request(body), trace));

        var entry = Assert.Single(trace);
        Assert.False(entry.Result);
        Assert.True(entry.Found);
        Assert.Equal("regex timed out", entry.Note);
    }
}
