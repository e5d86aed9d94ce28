using Inlet.Engine.Events;

namespace Inlet.Engine.Tests.Events;

public sealed class CustomEventTypeTests
{
    [Fact]
    public void AValidCustomTypeJoinsTheCatalogWithItsAttributes()
    {
        var definition = new CustomEventTypeDefinition
        {
            Name = "review_written", Attributes = [new("stars", "integer", Required: true), new("tags", "string_list")], Points = 50,
        };

        Assert.Empty(CustomEventTypes.Validate(definition));
        var type = EventCatalog.WithCustom([CustomEventTypes.ToEventType(definition)]).Find("review_written")!;
        Assert.Equal(["stars", "tags", "effective_timestamp"], type.Attributes.Select(a => a.Name));
        Assert.Equal(AttributeType.StringList, type.Attribute("tags")!.Type);
        Assert.Equal(50, type.Points);
        Assert.False(type.BuiltIn);
    }

    [Fact]
    public void EveryFaultOfACustomTypeIsReported()
    {
        var definition = new CustomEventTypeDefinition
        {
            Name = "point_add", Attributes = [new("Stars", "int"), new("a", "string"), new("a", "string")],
        };

        Assert.Equal(
            ["name: point_add is a built-in event type: choose another name",
             "attributes[0].name: 'Stars' is not a usable attribute name: use snake_case, and not effective_timestamp (every type has it)",
             "attributes[0].type: 'int' is not a type: write one of string, integer, number, boolean, date, datetime, string_list",
             "attributes[2].name: a is declared twice"],
            CustomEventTypes.Validate(definition).Select(e => e.ToString()));
    }

    [Fact]
    public void ACustomTypeCannotReplaceABuiltInOne()
    {
        var catalog = EventCatalog.WithCustom([new EventType("point_add", "Fake", [], BuiltIn: false, Points: 1000)]);

        Assert.True(catalog.Find("point_add")!.BuiltIn);
    }
}
