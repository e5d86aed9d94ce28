using System.Text.RegularExpressions;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Events;

/// <summary>A custom event type as the API reads and writes it (spec §7).</summary>
public sealed record CustomEventTypeDefinition
{
    public string Name { get; init; } = "";
    public string? Label { get; init; }
    public IReadOnlyList<CustomAttributeDefinition> Attributes { get; init; } = [];

    /// <summary>Points awarded each time the event is registered (negative subtracts).</summary>
    public long? Points { get; init; }

    /// <summary>A second occurrence per member is rejected.</summary>
    public bool Once { get; init; }
}

public sealed record CustomAttributeDefinition(string Name, string Type, bool Required = false);

public static partial class CustomEventTypes
{
    private static readonly Dictionary<string, AttributeType> TypeNames = new(StringComparer.Ordinal)
    {
        ["string"] = AttributeType.String, ["integer"] = AttributeType.Integer, ["number"] = AttributeType.Number,
        ["boolean"] = AttributeType.Boolean, ["date"] = AttributeType.Date, ["datetime"] = AttributeType.Datetime,
        ["string_list"] = AttributeType.StringList,
    };

    /// <summary>Every fault of the definition, each with its field.</summary>
    public static IReadOnlyList<ValidationError> Validate(CustomEventTypeDefinition definition)
    {
        var errors = new List<ValidationError>();
        if (definition.Name is null || !SnakeCase().IsMatch(definition.Name))
        {
            errors.Add(new("name", $"'{definition.Name}' is not snake_case: use lower-case letters, digits and _, starting with a letter (e.g. review_written)"));
        }
        else if (EventCatalog.BuiltIn.Find(definition.Name) is not null)
        {
            errors.Add(new("name", $"{definition.Name} is a built-in event type: choose another name"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var attributes = definition.Attributes ?? [];
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute?.Name is null || !SnakeCase().IsMatch(attribute.Name) || attribute.Name == EventCatalog.EffectiveTimestamp.Name)
            {
                errors.Add(new($"attributes[{i}].name", $"'{attribute?.Name}' is not a usable attribute name: use snake_case, and not effective_timestamp (every type has it)"));
            }
            else if (!names.Add(attribute.Name))
            {
                errors.Add(new($"attributes[{i}].name", $"{attribute.Name} is declared twice"));
            }
            if (attribute?.Type is null || !TypeNames.ContainsKey(attribute.Type))
            {
                errors.Add(new($"attributes[{i}].type", $"'{attribute?.Type}' is not a type: write one of {string.Join(", ", TypeNames.Keys)}"));
            }
        }
        return errors;
    }

    /// <summary>The catalog entry of a valid definition.</summary>
    public static EventType ToEventType(CustomEventTypeDefinition definition) => new(
        definition.Name,
        string.IsNullOrWhiteSpace(definition.Label) ? definition.Name : definition.Label,
        [.. definition.Attributes.Select(a => new AttributeSchema(a.Name, TypeNames[a.Type], a.Required)), EventCatalog.EffectiveTimestamp],
        BuiltIn: false,
        Points: definition.Points,
        Once: definition.Once);

    /// <summary>The API name of an attribute type.</summary>
    public static string TypeName(AttributeType type) => type == AttributeType.ObjectList ? "object_list" : TypeNames.First(t => t.Value == type).Key;

    [GeneratedRegex(@"^[a-z][a-z0-9_]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
