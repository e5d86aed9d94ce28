using System.Collections.Immutable;

namespace Inlet.Engine.Events;

/// <summary>The declared type of an event attribute; mapping converts every value to it (spec §4, §6).</summary>
public enum AttributeType { String, Integer, Number, Boolean, Date, Datetime, StringList, ObjectList }

/// <summary>A lower bound an attribute's value must respect.</summary>
public enum AttributeBound { None, Positive, NonNegative }

/// <summary>One attribute of an event type. <see cref="Items"/> describes the elements of an <see cref="AttributeType.ObjectList"/>.</summary>
public sealed record AttributeSchema(
    string Name,
    AttributeType Type,
    bool Required = false,
    AttributeBound Bound = AttributeBound.None,
    ImmutableArray<AttributeSchema> Items = default)
{
    public ImmutableArray<AttributeSchema> Items { get; init; } = Items.IsDefault ? [] : Items;
}

/// <summary>
/// An entry of the catalog: a built-in action (point_add, checkout, ...) or a custom type an account defined.
/// <see cref="OpenAttributes"/> types (opt_in, profile) accept attributes they do not declare, as profile attributes.
/// </summary>
public sealed record EventType(
    string Name,
    string Label,
    ImmutableArray<AttributeSchema> Attributes,
    bool BuiltIn,
    bool OpenAttributes = false,
    long? Points = null,
    bool Once = false)
{
    public AttributeSchema? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }
        return null;
    }
}
