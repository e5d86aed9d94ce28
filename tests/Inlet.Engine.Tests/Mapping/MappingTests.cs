using System.Text.Json;
using Inlet.Engine.Events;
using Inlet.Engine.Mapping;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Tests.Mapping;

public sealed class MappingTests
{
    private static MappingPlan Plan(string action, string mappingsJson)
    {
        var mappings = JsonSerializer.Deserialize<List<MappingDefinition>>(mappingsJson, EngineJson.Options)!;
        var errors = new List<ValidationError>();
        var plan = MappingCompiler.Compile(mappings, EventCatalog.BuiltIn.Find(action), errors);
        Assert.Empty(errors);
        return plan!;
    }

    private static readonly MappingPlan PointAdd = Plan("point_add", """
        [ { "from": "clientID", "to": "customer" },
          { "from": "reason", "to": "data.reason", "default": "webhook" },
          { "from": "pointstobeadded", "to": "data.points", "replace": [ { "value": "ten", "with": "10" } ] } ]
        """);

    [Fact]
    public void MappingBuildsTheEventWithConvertedValues()
    {
        var result = PointAdd.Apply(Json.Parse("""{"clientID": 42, "pointstobeadded": "25", "reason": "birthday", "extra": 1}"""));

        Assert.True(result.Succeeded);
        Assert.Equal("42", result.Event!.Customer);
        Assert.Equal("point_add", result.Event.Action);
        Assert.Equal("""{"reason":"birthday","points":25}""", result.Event.Data.ToJsonString());
    }

    [Theory]
    [InlineData("""{"clientID":"c1","pointstobeadded":5}""", "webhook")]
    [InlineData("""{"clientID":"c1","pointstobeadded":5,"reason":null}""", "webhook")]
    [InlineData("""{"clientID":"c1","pointstobeadded":5,"reason":"   "}""", "webhook")]
    [InlineData("""{"clientID":"c1","pointstobeadded":5,"reason":"sale"}""", "sale")]
    public void DefaultReplacesMissingNullAndBlankValues(string body, string expectedReason)
    {
        var result = PointAdd.Apply(Json.Parse(body));

        Assert.Equal(expectedReason, result.Event!.Data["reason"]!.GetValue<string>());
    }

    [Fact]
    public void ReplaceRunsBeforeConversion()
    {
        var result = PointAdd.Apply(Json.Parse("""{"clientID":"c1","pointstobeadded":"ten"}"""));

        Assert.Equal(10L, result.Event!.Data["points"]!.GetValue<long>());
    }

    [Fact]
    public void EveryFaultOfARequestIsReportedAtOnce()
    {
        var result = PointAdd.Apply(Json.Parse("""{"pointstobeadded":"10.5"}"""));

        Assert.False(result.Succeeded);
        Assert.Equal(
            ["customer: is required, but the request has no value at 'clientID' and the mapping gives no default",
             "data.points: '10.5' is not an integer"],
            result.Errors.Select(e => e.ToString()).Order());
    }

    [Fact]
    public void AMissingRequiredAttributeNamesWhereItWasLookedFor()
    {
        var result = PointAdd.Apply(Json.Parse("""{"clientID":"c1"}"""));

        Assert.Equal("data.points: is required, but the request has no value at 'pointstobeadded' and the mapping gives no default",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void TheTraceShowsWhatEachFieldWentThrough()
    {
        var trace = new List<MappingTraceEntry>();

        PointAdd.Apply(Json.Parse("""{"clientID":"c1","pointstobeadded":"ten"}"""), trace);

        Assert.Equal(
            [new MappingTraceEntry("clientID", "customer", "\"c1\"", false, null, "\"c1\"", null),
             new MappingTraceEntry("reason", "data.reason", null, true, null, "\"webhook\"", null),
             new MappingTraceEntry("pointstobeadded", "data.points", "\"ten\"", false, "ten", "10", null)],
            trace);
    }

    private static readonly MappingPlan WithAlternatives = Plan("point_add", """
        [ { "from": "ids[type=a|b].v", "to": "customer" }, { "from": "points", "to": "data.points" },
          { "from": "reason | why|note", "to": "data.reason", "default": "none" } ]
        """);

    [Theory]
    [InlineData("""{"reason":"sale","why":"other"}""", "sale")]
    [InlineData("""{"why":"other"}""", "other")]
    [InlineData("""{"reason":null,"why":"other"}""", "other")]
    [InlineData("""{"reason":"  ","why":"","note":"last"}""", "last")]
    [InlineData("""{"reason":""}""", "none")]
    public void AFromWithAlternativesReadsTheFirstThatHasAValueThenTheDefault(string fields, string reason)
    {
        var result = WithAlternatives.Apply(Json.Parse($$"""{"ids":[{"type":"a|b","v":"c1"}],"points":1,{{fields[1..^1]}}}"""));

        Assert.Equal(("c1", reason), (result.Event!.Customer, result.Event.Data["reason"]!.GetValue<string>()));
    }

    [Fact]
    public void TheTraceNamesTheAlternativeReadOrAllOfThemWhenNoneHadAValue()
    {
        var trace = new List<MappingTraceEntry>();

        WithAlternatives.Apply(Json.Parse("""{"ids":[{"type":"a|b","v":"c1"}],"points":1,"why":"other"}"""), trace);
        WithAlternatives.Apply(Json.Parse("""{"ids":[{"type":"a|b","v":"c1"}],"points":1,"reason":""}"""), trace);

        Assert.Equal([("why", "\"other\"", false), ("reason | why|note", "\"\"", true)],
            trace.Where(e => e.To == "data.reason").Select(e => (e.From, e.Raw, e.DefaultApplied)));
    }

    [Fact]
    public void PathsReachIntoArraysAndSelectors()
    {
        var plan = Plan("profile", """
            [ { "from": "user_identities[identity_type=customer_id].identity", "to": "customer" },
              { "from": "events.0.data.custom_attributes.city", "to": "data.city" },
              { "from": "user_attributes.tags", "to": "data.labels" } ]
            """);

        var result = plan.Apply(Json.Parse("""
            { "user_identities": [ {"identity_type":"email","identity":"a@b.c"}, {"identity_type":"customer_id","identity":"cust-7"} ],
              "events": [ { "data": { "custom_attributes": { "city": "Lyon" } } } ],
              "user_attributes": { "tags": "vip,newsletter" } }
            """));

        Assert.Equal("cust-7", result.Event!.Customer);
        Assert.Equal("""{"city":"Lyon","labels":["vip","newsletter"]}""", result.Event.Data.ToJsonString());
    }

    [Fact]
    public void ItemSubMappingsBuildEachLineItem()
    {
        var plan = Plan("checkout", """
            [ { "from": "customer", "to": "customer" },
              { "from": "order.id", "to": "data.transaction_id" },
              { "from": "order.total", "to": "data.total" },
              { "from": "order.lines", "to": "data.items", "items": [
                  { "from": "sku", "to": "product_id" },
                  { "from": "qty", "to": "quantity", "default": "1" },
                  { "from": "price", "to": "price" } ] } ]
            """);

        var result = plan.Apply(Json.Parse("""
            { "customer": "c1", "order": { "id": "T-1", "total": "30.5", "lines": [ {"sku":"A","qty":"2","price":10}, {"sku":"B","price":"10.5"} ] } }
            """));

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal("""{"transaction_id":"T-1","total":30.5,"items":[{"product_id":"A","quantity":2,"price":10},{"product_id":"B","quantity":1,"price":10.5}]}""",
            result.Event!.Data.ToJsonString());
    }

    [Fact]
    public void ALineItemWithoutItsRequiredAttributeIsReportedWithItsIndex()
    {
        var plan = Plan("checkout", """
            [ { "from": "c", "to": "customer" }, { "from": "id", "to": "data.transaction_id" }, { "from": "total", "to": "data.total" },
              { "from": "lines", "to": "data.items", "items": [ { "from": "sku", "to": "product_id" }, { "from": "qty", "to": "quantity" } ] } ]
            """);

        var result = plan.Apply(Json.Parse("""{"c":"c1","id":"T","total":1,"lines":[{"sku":"A"},{"qty":"two"}]}"""));

        Assert.Equal(
            ["data.items[1].product_id: is required, but the request has no value at 'sku' and the mapping gives no default",
             "data.items[1].quantity: 'two' is not an integer"],
            result.Errors.Select(e => e.ToString()).Order());
    }

    [Fact]
    public void OpenEventTypesKeepUndeclaredAttributesAsSent()
    {
        var plan = Plan("opt_in", """[ { "from": "id", "to": "customer" }, { "from": "prefs", "to": "data.preferences.channels" } ]""");

        var result = plan.Apply(Json.Parse("""{"id":"c1","prefs":["sms","email"]}"""));

        Assert.Equal("""{"preferences":{"channels":["sms","email"]}}""", result.Event!.Data.ToJsonString());
    }

    [Fact]
    public void AMappingWithoutFromSendsItsDefaultAsAConstant()
    {
        var plan = Plan("checkout", """
            [ { "from": "c", "to": "customer" }, { "from": "id", "to": "data.transaction_id" }, { "from": "total", "to": "data.total" },
              { "to": "data.currency", "default": "EUR" } ]
            """);

        var result = plan.Apply(Json.Parse("""{"c":"c1","id":"T","total":"12"}"""));

        Assert.Equal("EUR", result.Event!.Data["currency"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"clientID":"","pointstobeadded":1}""", "customer: is required, but the request has no value at 'clientID' and the mapping gives no default")]
    [InlineData("""{"clientID":{"id":1},"pointstobeadded":1}""", "customer: {\"id\":1} is not a text")]
    public void TheCustomerIdMustBeAText(string body, string expected)
    {
        var result = PointAdd.Apply(Json.Parse(body));

        Assert.Equal(expected, Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void ACustomerIdLongerThan128CharactersIsRejected()
    {
        var result = PointAdd.Apply(Json.Parse($$"""{"clientID":"{{new string('x', 129)}}","pointstobeadded":1}"""));

        Assert.Equal("customer: the customer id read from 'clientID' is 129 characters long; at most 128 are allowed", Assert.Single(result.Errors).ToString());
    }
}
