using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

/// <summary>contains, starts_with, ends_with, in, the presence operators, and the not_* negations.</summary>
public class ConditionsTestTextsListsAndPresence
{
    [Theory]
    [InlineData("body.order.ref", "\"123\"", true)]
    [InlineData("body.order.ref", "\"ord\"", false)]
    [InlineData("body.order.ref", "\"\"", true)]
    [InlineData("body.order.total", "5", true)]
    [InlineData("body.order.total", "\"15\"", true)]
    [InlineData("body.order.tags", "\"vip\"", true)]
    [InlineData("body.order.tags", "\"vi\"", false)]
    [InlineData("body.order.tags", "\"old\"", false)]
    [InlineData("body.order.numbers", "2", true)]
    [InlineData("body.order.numbers", "\"2\"", true)]
    [InlineData("body.order.numbers", "4", false)]
    [InlineData("body.order.none", "\"x\"", false)]
    [InlineData("body.order.nested", "\"a\"", false)]
    [InlineData("body.order.nothing", "\"x\"", false)]
    [InlineData("body.missing", "\"x\"", false)]
    [InlineData("headers.x-token", "\"secret\"", true)]
    public void ContainsFindsSubstringsInTextsAndElementsInLists(string attribute, string value, bool expected)
    {
        Assert.Equal(expected, Matches(attribute, "contains", value));
        Assert.Equal(!expected, Matches(attribute, "not_contains", value));
    }

    [Theory]
    [InlineData("body.order.ref", "starts_with", "\"ORD-\"", true)]
    [InlineData("body.order.ref", "starts_with", "\"ord-\"", false)]
    [InlineData("body.order.ref", "ends_with", "\"-123\"", true)]
    [InlineData("body.order.ref", "ends_with", "\"12\"", false)]
    [InlineData("body.order.total", "starts_with", "15", true)]
    [InlineData("body.order.total", "ends_with", "\"50\"", true)]
    [InlineData("body.order.paid", "starts_with", "\"tr\"", true)]
    [InlineData("body.order.tags", "starts_with", "\"vip\"", false)]
    [InlineData("body.order.nothing", "starts_with", "\"n\"", false)]
    [InlineData("body.missing", "ends_with", "\"x\"", false)]
    [InlineData("headers.x-token", "starts_with", "\"secret\"", true)]
    [InlineData("headers.X-Token", "ends_with", "\"123\"", true)]
    public void StartsWithAndEndsWithCompareTextOrdinally(string attribute, string op, string value, bool expected) =>
        Assert.Equal(expected, Matches(attribute, op, value));

    [Theory]
    [InlineData("body.order.code", "[\"abc\", \"xyz\"]", true)]
    [InlineData("body.order.code", "[\"x\"]", false)]
    [InlineData("body.order.total", "[100, 150]", true)]
    [InlineData("body.order.total", "[\"150\"]", true)]
    [InlineData("body.order.total_text", "[150]", true)]
    [InlineData("body.order.paid", "[\"TRUE\"]", true)]
    [InlineData("body.order.tags", "[\"vip\"]", false)]
    [InlineData("body.order.nothing", "[\"null\"]", false)]
    [InlineData("body.missing", "[1]", false)]
    [InlineData("headers.x-count", "[9, 10]", true)]
    public void InIsTrueWhenTheValueEqualsAnyListedValue(string attribute, string value, bool expected)
    {
        Assert.Equal(expected, Matches(attribute, "in", value));
        Assert.Equal(!expected, Matches(attribute, "not_in", value));
    }

    [Theory]
    [InlineData("body.order.total", true, false)]
    [InlineData("body.order.code", true, false)]
    [InlineData("body.order.paid", true, false)]
    [InlineData("body.order.refunded", true, false)]
    [InlineData("body.order.tags", true, false)]
    [InlineData("body.order.nested", true, false)]
    [InlineData("body.order.empty", true, true)]
    [InlineData("body.order.blank", true, true)]
    [InlineData("body.order.none", true, true)]
    [InlineData("body.order.meta", true, true)]
    [InlineData("body.order.nothing", false, true)]
    [InlineData("body.missing", false, true)]
    [InlineData("headers.x-token", true, false)]
    [InlineData("headers.x-blank", true, true)]
    [InlineData("headers.x-missing", false, true)]
    public void ExistsAndIsEmptyTellPresenceFromContent(string attribute, bool exists, bool isEmpty)
    {
        Assert.Equal(exists, Matches(attribute, "exists", null));
        Assert.Equal(!exists, Matches(attribute, "not_exists", null));
        Assert.Equal(isEmpty, Matches(attribute, "is_empty", null));
        Assert.Equal(!isEmpty, Matches(attribute, "is_not_empty", null));
    }

    [Theory]
    [InlineData("exists", null, false)]
    [InlineData("not_exists", null, true)]
    [InlineData("equals", "1", false)]
    [InlineData("not_equals", "1", true)]
    [InlineData("greater_than", "1", false)]
    [InlineData("greater_than_or_equal", "1", false)]
    [InlineData("less_than", "1", false)]
    [InlineData("less_than_or_equal", "1", false)]
    [InlineData("contains", "\"a\"", false)]
    [InlineData("not_contains", "\"a\"", true)]
    [InlineData("starts_with", "\"a\"", false)]
    [InlineData("ends_with", "\"a\"", false)]
    [InlineData("in", "[1]", false)]
    [InlineData("not_in", "[1]", true)]
    [InlineData("is_empty", null, true)]
    [InlineData("is_not_empty", null, false)]
    [InlineData("matches", "\".*\"", false)]
    public void AMissingAttributeFailsEveryOperatorButNotExistsIsEmptyAndTheNegations(string op, string? value, bool expected)
    {
        Assert.Equal(expected, Matches("body.order.missing", op, value));
        Assert.Equal(expected, Matches("body.nowhere.deeper.still", op, value));
        Assert.Equal(expected, Matches("headers.x-missing", op, value));
    }
}
