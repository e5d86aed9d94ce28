using Inlet.Engine.Filters;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

/// <summary>equals, not_equals and the ordering operators: numeric when both sides are numbers, else ordinal text.</summary>
public class ConditionsCompareValuesBySpecRules
{
    [Theory]
    [InlineData("body.order.total", "150", true)]
    [InlineData("body.order.total", "\"150\"", true)]
    [InlineData("body.order.total_text", "150", true)]
    [InlineData("body.order.total", "150.0", true)]
    [InlineData("body.order.total", "1.5e2", true)]
    [InlineData("body.order.total", "151", false)]
    [InlineData("body.order.price", "19.99", true)]
    [InlineData("body.order.code", "\"abc\"", true)]
    [InlineData("body.order.code", "\"ABC\"", false)]
    [InlineData("body.order.code", "\"abc \"", false)]
    [InlineData("body.order.zip", "\"1234\"", true)] // both read as numbers, so leading zeros do not count
    [InlineData("body.order.paid", "true", true)]
    [InlineData("body.order.paid", "\"true\"", true)]
    [InlineData("body.order.paid", "\"True\"", true)]
    [InlineData("body.order.paid", "false", false)]
    [InlineData("body.order.paid", "1", false)]
    [InlineData("body.order.paid_text", "true", true)]
    [InlineData("body.order.refunded", "false", true)]
    [InlineData("body.order.refunded", "\"FALSE\"", true)]
    [InlineData("body.order.tags", "[\"vip\", \"new\"]", true)]
    [InlineData("body.order.tags", "[\"new\", \"vip\"]", false)]
    [InlineData("body.order.tags", "\"vip\"", false)]
    [InlineData("body.order.numbers", "[1, 2, 3]", true)]
    [InlineData("body.order.nested", "\"{\\\"a\\\":1}\"", false)]
    [InlineData("body.order.nothing", "\"null\"", false)]
    [InlineData("body.order.empty", "\"\"", true)]
    [InlineData("body.missing", "1", false)]
    [InlineData("headers.x-count", "10", true)]
    [InlineData("headers.X-TOKEN", "\"secret-123\"", true)]
    [InlineData("headers.x-token", "\"SECRET-123\"", false)]
    public void EqualsTreatsNumericStringAndNumberAsEqualAndBooleansAsTheirText(string attribute, string value, bool expected)
    {
        Assert.Equal(expected, Matches(attribute, "equals", value));
        Assert.Equal(!expected, Matches(attribute, "not_equals", value));
    }

    [Theory]
    [InlineData("body.order.total", "greater_than", "100", true)]
    [InlineData("body.order.total", "greater_than", "150", false)]
    [InlineData("body.order.total", "greater_than_or_equal", "150", true)]
    [InlineData("body.order.total", "greater_than_or_equal", "151", false)]
    [InlineData("body.order.total", "less_than", "200", true)]
    [InlineData("body.order.total", "less_than", "150", false)]
    [InlineData("body.order.total", "less_than_or_equal", "150", true)]
    [InlineData("body.order.total", "less_than_or_equal", "149", false)]
    [InlineData("body.order.total", "greater_than", "\"99\"", true)]
    [InlineData("body.order.small", "less_than", "\"10\"", true)]
    [InlineData("body.order.big", "greater_than", "\"9\"", true)]
    [InlineData("body.order.big", "greater_than", "9.5", true)]
    [InlineData("body.order.price", "greater_than", "19.98", true)]
    [InlineData("body.order.price", "less_than", "\"20\"", true)]
    [InlineData("body.order.code", "less_than", "\"abd\"", true)]
    [InlineData("body.order.code", "greater_than", "\"abd\"", false)]
    [InlineData("body.order.code", "greater_than_or_equal", "\"abc\"", true)]
    [InlineData("body.order.code", "less_than_or_equal", "\"ab\"", false)]
    [InlineData("body.order.code", "greater_than", "\"ABC\"", true)]
    [InlineData("headers.x-count", "greater_than", "9", true)]
    [InlineData("headers.x-count", "less_than", "\"9\"", false)]
    [InlineData("body.order.tags", "greater_than", "1", false)]
    [InlineData("body.order.tags", "less_than", "1", false)]
    [InlineData("body.order.meta", "greater_than", "1", false)]
    [InlineData("body.order.meta", "less_than_or_equal", "1", false)]
    [InlineData("body.order.nothing", "greater_than", "1", false)]
    [InlineData("body.order.nothing", "less_than", "1", false)]
    [InlineData("body.missing", "greater_than", "1", false)]
    [InlineData("body.missing", "less_than_or_equal", "1", false)]
    public void OrderingComparesNumbersNumericallyAndOtherTextsOrdinally(string attribute, string op, string value, bool expected) =>
        Assert.Equal(expected, Matches(attribute, op, value));

    [Theory]
    [InlineData("body.order.code", "less_than", "\"abd\"", "not a number: compared as text")]
    [InlineData("body.order.total", "less_than", "200", null)]
    [InlineData("body.order.tags", "less_than", "200", "not a text or a number")]
    [InlineData("body.missing", "less_than", "200", null)]
    public void OrderingNotesWhenItFellBackToText(string attribute, string op, string value, string? note)
    {
        var trace = new List<FilterTraceEntry>();
        Matches(Condition(attribute, op, value), Request(), trace);
        Assert.Equal(note, Assert.Single(trace).Note);
    }
}
