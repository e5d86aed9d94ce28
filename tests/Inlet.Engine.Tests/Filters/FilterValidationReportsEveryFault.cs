using Inlet.Engine.Filters;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

public class FilterValidationReportsEveryFault
{
    [Fact]
    public void AFilterWithSeveralFaultsReportsEachUnderItsField()
    {
        var filter = Filter("""
            {"all": [
              {"attribute": "order.total", "operator": "greater", "value": 1},
              {"attribute": "body.a", "operator": "exists", "value": 1},
              {"any": [
                {"attribute": "body.b", "operator": "equals"},
                {"all": [
                  {"attribute": "body.c", "operator": "in", "value": "x"},
                  {"attribute": "body.d", "operator": "matches", "value": "(unclosed"},
                  {"attribute": "body.e..f", "operator": "equals", "value": {"a": 1}}
                ]}
              ]},
              {"attribute": "body.g", "operator": "in", "value": [1, {"x": 1}, null]}
            ]}
            """);

        var errors = Validate(filter);

        Assert.Equal(
        [
            "filter.all[0].attribute",
            "filter.all[0].operator",
            "filter.all[1].value",
            "filter.all[2].any[0].value",
            "filter.all[2].any[1].all[0].value",
            "filter.all[2].any[1].all[1].value",
            "filter.all[2].any[1].all[2].attribute",
            "filter.all[2].any[1].all[2].value",
            "filter.all[3].value[1]",
            "filter.all[3].value[2]",
        ], errors.Select(e => e.Field));
        Assert.Contains("body.order.total", errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("did you mean greater_than?", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("not_exists", errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("regular expression", errors[5].Message, StringComparison.Ordinal);
        Assert.Contains("(unclosed", errors[5].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body.x", "equals", null, "filter.value", "needs a value")]
    [InlineData("body.x", "equals", "null", "filter.value", "not_exists or is_empty")]
    [InlineData("body.x", "equals", "{}", "filter.value", "is an object")]
    [InlineData("body.x", "contains", "{\"a\": 1}", "filter.value", "is an object")]
    [InlineData("body.x", "greater_than", "true", "filter.value", "not true/false")]
    [InlineData("body.x", "less_than", "[1]", "filter.value", "not a list")]
    [InlineData("body.x", "contains", "[\"a\"]", "filter.value", "not a list")]
    [InlineData("body.x", "in", "1", "filter.value", "takes a list")]
    [InlineData("body.x", "not_in", "[]", "filter.value", "empty list")]
    [InlineData("body.x", "in", "[[1]]", "filter.value[0]", "a text, a number or true/false")]
    [InlineData("body.x", "matches", "5", "filter.value", "regular expression as a text")]
    [InlineData("body.x", "matches", "\"[a-\"", "filter.value", "not a valid regular expression")]
    [InlineData("body.x", "is_empty", "\"\"", "filter.value", "takes no value")]
    [InlineData("body.x", "not_exists", "false", "filter.value", "takes no value")]
    [InlineData("headers.", "exists", null, "filter.attribute", "header")]
    [InlineData("", "exists", null, "filter.attribute", "is empty")]
    [InlineData("body.a[", "exists", null, "filter.attribute", "without its ']'")]
    [InlineData("body.x", "", null, "filter.operator", "is missing")]
    [InlineData("body.x", "EQUALS", "1", "filter.operator", "did you mean equals?")]
    public void EachFaultSaysHowToFixIt(string attribute, string op, string? value, string field, string fragment)
    {
        var error = Assert.Single(Validate(Condition(attribute, op, value)));
        Assert.Equal(field, error.Field);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("body.x", "exists", "null")]
    [InlineData("body.x", "equals", "[1, {\"a\": 1}]")]
    [InlineData("body.x", "equals", "true")]
    [InlineData("body.x", "in", "[1, \"a\", false]")]
    [InlineData("body.x", "matches", "\"\"")]
    [InlineData("headers.X-Api-Token", "starts_with", "12")]
    public void ValidConditionsReportNothing(string attribute, string op, string? value) =>
        Assert.Empty(Validate(Condition(attribute, op, value)));

    [Theory]
    [InlineData("greater", "greater_than")]
    [InlineData("less", "less_than")]
    [InlineData("equal", "equals")]
    [InlineData("contians", "contains")]
    [InlineData("Greater Than", "greater_than")]
    [InlineData("greaterthan", "greater_than")]
    [InlineData("is one of", "in")]
    [InlineData("not-in", "not_in")]
    [InlineData(">=", "greater_than_or_equal")]
    [InlineData("regex", "matches")]
    [InlineData("not", null)]
    [InlineData("is", null)]
    [InlineData("banana", null)]
    public void AnObviousTypoGetsASuggestion(string typed, string? suggestion) =>
        Assert.Equal(suggestion, OperatorSuggestion.For(typed));

    [Theory]
    [InlineData(16, 0)]
    [InlineData(17, 1)]
    [InlineData(20, 1)]
    public void GroupsNestAtMostSixteenDeep(int depth, int errorCount)
    {
        FilterNode node = Condition("body.x", "exists", null);
        for (var i = 0; i < depth; i++)
        {
            node = new FilterGroup(i % 2 == 0 ? FilterJoin.All : FilterJoin.Any, [node]);
        }

        var errors = Validate(node);

        Assert.Equal(errorCount, errors.Count);
        Assert.All(errors, e => Assert.Contains("at most 16", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyGroupAndNoFilterAreValid()
    {
        Assert.Empty(Validate(Filter("""{"all": []}""")));
        Assert.Empty(Validate(null));
    }
}
