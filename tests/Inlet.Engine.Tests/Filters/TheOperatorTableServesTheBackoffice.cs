using Inlet.Engine.Filters;

namespace Inlet.Engine.Tests.Filters;

public class TheOperatorTableServesTheBackoffice
{
    [Fact]
    public void EveryOperatorIsListedOnceInEnumOrder()
    {
        Assert.Equal(Enum.GetValues<FilterOperator>(), FilterOperators.All.Select(o => o.Operator));
        Assert.Equal(FilterOperators.All.Length, FilterOperators.All.Select(o => o.Name).Distinct().Count());
        Assert.All(FilterOperators.All, o => Assert.Same(o, FilterOperators.Find(o.Name)));
    }

    [Theory]
    [InlineData("exists", "exists", false, false)]
    [InlineData("not_exists", "does not exist", false, false)]
    [InlineData("greater_than_or_equal", "is greater than or equal to", true, false)]
    [InlineData("in", "is one of", true, true)]
    [InlineData("not_in", "is not one of", true, true)]
    [InlineData("is_not_empty", "is not empty", false, false)]
    [InlineData("matches", "matches regex", true, false)]
    public void EachOperatorHasItsLabelAndValueShape(string name, string label, bool takesValue, bool valueIsList)
    {
        var op = FilterOperators.Find(name);
        Assert.NotNull(op);
        Assert.Equal((label, takesValue, valueIsList), (op.Label, op.TakesValue, op.ValueIsList));
    }

    [Fact]
    public void NamesAreExactAndCaseSensitive() => Assert.Null(FilterOperators.Find("Equals"));
}
