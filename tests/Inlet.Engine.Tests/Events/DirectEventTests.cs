using Inlet.Engine.Events;
using Inlet.Engine.Mapping;

namespace Inlet.Engine.Tests.Events;

public sealed class DirectEventTests
{
    [Fact]
    public void DataSentDirectlyIsConvertedLikeMappedData()
    {
        var result = DirectEvents.Build("c1", EventCatalog.BuiltIn.Find("point_add")!, Json.Parse("""{"points":"15","reason":"gift"}"""));

        Assert.Equal("""{"points":15,"reason":"gift"}""", result.Event!.Data.ToJsonString());
    }

    [Fact]
    public void EveryFaultOfADirectEventIsReported()
    {
        var result = DirectEvents.Build(" ", EventCatalog.BuiltIn.Find("point_add")!, Json.Parse("""{"points":"1.5","colour":"red"}"""));

        Assert.Equal(
            ["customer: is required: the member's id, 1 to 128 characters, none of them a control character",
             "data.points: '1.5' is not an integer",
             "data.colour: point_add has no such attribute; its attributes are points, reason, effective_timestamp"],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void AMissingRequiredAttributeIsReported()
    {
        var result = DirectEvents.Build("c1", EventCatalog.BuiltIn.Find("checkout")!, Json.Parse("""{"total":10}"""));

        Assert.Equal("data.transaction_id: is required", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void OpenTypesKeepUndeclaredAttributes()
    {
        var result = DirectEvents.Build("c1", EventCatalog.BuiltIn.Find("profile")!, Json.Parse("""{"city":"Lyon","labels":"a,b"}"""));

        Assert.Equal("""{"city":"Lyon","labels":["a","b"]}""", result.Event!.Data.ToJsonString());
    }
}
