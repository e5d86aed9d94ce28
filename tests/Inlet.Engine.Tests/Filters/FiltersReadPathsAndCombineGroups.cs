using Inlet.Engine.Filters;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Tests.Filters.FilterTestKit;

namespace Inlet.Engine.Tests.Filters;

/// <summary>Selectors, numeric indexes and header names, then all/any groups nested several levels.</summary>
public class FiltersReadPathsAndCombineGroups
{
    [Theory]
    [InlineData("body.user_identities[identity_type=customer_id].identity", "equals", "\"C-42\"", true)]
    [InlineData("body.user_identities[identity_type=email].identity", "ends_with", "\"@example.com\"", true)]
    [InlineData("body.user_identities[identity_type='customer_id'].identity", "equals", "\"C-42\"", true)]
    [InlineData("body.user_identities[identity_type=phone].identity", "exists", null, false)]
    [InlineData("body.user_identities[identity_type=phone].identity", "not_exists", null, true)]
    [InlineData("body.events.0.data.event_name", "equals", "\"purchase\"", true)]
    [InlineData("body.events.1.data.event_name", "equals", "\"refund\"", true)]
    [InlineData("body.events[1].data.event_name", "in", "[\"refund\", \"return\"]", true)]
    [InlineData("body.events.5.data.event_name", "not_exists", null, true)]
    [InlineData("body.order.total.deeper", "exists", null, false)]
    [InlineData("body.order.tags.0", "equals", "\"vip\"", true)]
    [InlineData("headers.x-token", "equals", "\"secret-123\"", true)]
    [InlineData("headers.X-Token", "equals", "\"secret-123\"", true)]
    [InlineData("HEADERS.X-TOKEN", "exists", null, true)]
    public void PathsReachSelectorsIndexesAndHeaders(string attribute, string op, string? value, bool expected) =>
        Assert.Equal(expected, Matches(attribute, op, value));

    [Fact]
    public void HeadersAreReadCaseInsensitivelyEvenFromACaseSensitiveDictionary()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["X-Token"] = "secret-123" };
        var request = new WebhookRequest(headers, Json("{}"));

        Assert.True(Matches(Condition("headers.x-token", "equals", "\"secret-123\""), request));
        Assert.False(Matches(Condition("headers.x-other", "exists", null), request));
    }

    private const string Nested = """
        {"all": [
          {"attribute": "body.order.total", "operator": "greater_than", "value": 100},
          {"any": [
            {"attribute": "body.order.code", "operator": "equals", "value": "zzz"},
            {"all": [
              {"attribute": "headers.x-token", "operator": "starts_with", "value": "secret"},
              {"any": [
                {"attribute": "body.order.tags", "operator": "contains", "value": "gold"},
                {"attribute": "body.events.0.data.event_name", "operator": "in", "value": ["%EVENT%", "order"]}
              ]}
            ]}
          ]}
        ]}
        """;

    [Theory]
    [InlineData("purchase", true)]
    [InlineData("refund", false)]
    public void NestedGroupsCombineAllAndAnyAtEveryLevel(string eventName, bool expected) =>
        Assert.Equal(expected, Matches(Filter(Nested.Replace("%EVENT%", eventName, StringComparison.Ordinal)), Request()));

    [Theory]
    [InlineData("""{"all": []}""", true)]
    [InlineData("""{"any": []}""", true)]
    [InlineData("""{"all": [{"any": []}]}""", true)]
    [InlineData("""{"any": [{"attribute": "body.missing", "operator": "exists"}, {"all": []}]}""", true)]
    [InlineData("""{"any": [{"attribute": "body.missing", "operator": "exists"}, {"attribute": "body.order.code", "operator": "equals", "value": "x"}]}""", false)]
    [InlineData("""{"all": [{"attribute": "body.order.code", "operator": "equals", "value": "abc"}, {"attribute": "body.missing", "operator": "exists"}]}""", false)]
    [InlineData("""{"attribute": "body.order.code", "operator": "equals", "value": "abc"}""", true)]
    public void AGroupWithNoConditionsMatchesEverything(string filter, bool expected) =>
        Assert.Equal(expected, Matches(Filter(filter), Request()));

    [Fact]
    public void NoFilterMatchesEveryRequest()
    {
        Assert.True(FilterCompiler.Compile(null, RegexTimeout).Matches(Request()));
        Assert.True(CompiledFilter.MatchAll.Matches(Request("[]")));
    }

    [Fact]
    public void CompilingAFilterWithFaultsIsRefused() =>
        Assert.Throws<ArgumentException>(() => FilterCompiler.Compile(Condition("body.x", "greater", "1"), RegexTimeout));
}
