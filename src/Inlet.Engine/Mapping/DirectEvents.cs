using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Mapping;

/// <summary>
/// Builds an event sent as <c>{customer, action, data}</c> (the Events API): every data attribute converted to its
/// declared type, the same rules as mapping, every fault reported at once.
/// </summary>
public static class DirectEvents
{
    /// <summary>
    /// An event a transform returned whole (<c>{customer, action, data}</c>), of the catalog's type it names, built as the
    /// Events API builds one.
    /// </summary>
    public static MappingResult FromBody(JsonElement body, EventCatalog catalog)
    {
        var action = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("action", out var named) && named.ValueKind == JsonValueKind.String
            ? named.GetString()
            : null;
        if (catalog.Find(action) is not { } type)
        {
            return new MappingResult(null, [new("action", action is null
                ? "is required: the transform returns each event as {customer, action, data}"
                : $"'{action}' is not an event type: choose one of {catalog.Names}")]);
        }
        var customer = body.TryGetProperty("customer", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        return Build(customer, type, body.TryGetProperty("data", out var data) ? data : default);
    }

    public static MappingResult Build(string? customer, EventType type, JsonElement data)
    {
        var errors = new List<ValidationError>();
        var id = customer?.Trim() ?? "";
        if (id.Length is 0 or > 128 || id.Any(char.IsControl))
        {
            errors.Add(new("customer", "is required: the member's id, 1 to 128 characters, none of them a control character"));
        }
        var converted = new JsonObject();
        if (data.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
        {
            errors.Add(new("data", "must be an object of the event's attributes"));
        }
        else if (data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                Convert(property, type, converted, errors);
            }
        }
        foreach (var attribute in type.Attributes.Where(a => a.Required && !converted.ContainsKey(a.Name)))
        {
            if (!errors.Exists(e => e.Field == "data." + attribute.Name))
            {
                errors.Add(new("data." + attribute.Name, "is required"));
            }
        }
        return errors.Count == 0 ? new MappingResult(new MappedEvent(id, type.Name, converted), []) : new MappingResult(null, [.. errors]);
    }

    private static void Convert(JsonProperty property, EventType type, JsonObject converted, List<ValidationError> errors)
    {
        var value = FieldValue.Json(property.Value);
        if (value.IsEmpty)
        {
            return;
        }
        var schema = type.Attribute(property.Name);
        if (schema is null)
        {
            if (type.OpenAttributes)
            {
                converted[property.Name] = JsonNodes.From(property.Value);
            }
            else
            {
                errors.Add(new("data." + property.Name, $"{type.Name} has no such attribute; its attributes are {string.Join(", ", type.Attributes.Select(a => a.Name))}"));
            }
            return;
        }
        if (AttributeConverter.TryConvert(value, schema, out var node, out var error))
        {
            converted[property.Name] = node;
        }
        else
        {
            errors.Add(new("data." + property.Name, error));
        }
    }
}
