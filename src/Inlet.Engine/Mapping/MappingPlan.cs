using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Mapping;

/// <summary>
/// A webhook's mappings compiled against its event type. Applying it to a body builds the event
/// <c>{customer, action, data}</c>: per field read → default if empty → replace → convert (spec §4), then the
/// event type's required attributes are checked. Every fault is reported, none stops the others.
/// </summary>
public sealed class MappingPlan
{
    private readonly CompiledField? _customer;
    private readonly ImmutableArray<CompiledField> _fields;
    private readonly EventCatalog? _catalog;

    internal MappingPlan(EventType type, CompiledField? customer, ImmutableArray<CompiledField> fields)
    {
        Type = type;
        _customer = customer;
        _fields = fields;
    }

    private MappingPlan(EventCatalog catalog) => _catalog = catalog;

    /// <summary>No mappings: the body is the event, <c>{customer, action, data}</c>, of the catalog's type it names (action <c>from_transform</c>).</summary>
    public static MappingPlan Whole(EventCatalog catalog) => new(catalog);

    /// <summary>The type of every event the plan builds; null when each event names its own.</summary>
    public EventType? Type { get; }

    /// <summary>The type of an event the plan built.</summary>
    public EventType TypeOf(MappedEvent built) => Type ?? _catalog!.Find(built.Action)!;

    public MappingResult Apply(JsonElement body, ICollection<MappingTraceEntry>? trace = null)
    {
        if (_catalog is not null)
        {
            return DirectEvents.FromBody(body, _catalog);
        }
        var type = Type!;
        var errors = new List<ValidationError>();
        var data = new JsonObject();
        string? customer = null;
        if (_customer is null)
        {
            errors.Add(new("customer", "no mapping builds the customer id"));
        }
        else if (Run(_customer, body, "", trace, errors) is { } id)
        {
            customer = CheckCustomer(id.GetValue<string>().Trim(), _customer, errors);
        }
        else if (!errors.Exists(e => e.Field == "customer"))
        {
            errors.Add(new("customer", Missing(_customer)));
        }
        foreach (var field in _fields)
        {
            if (Run(field, body, "", trace, errors) is { } node)
            {
                Set(data, field.Target, node);
            }
        }
        RequireAttributes(type.Attributes, data, "data.", _fields, errors);
        return errors.Count == 0 && customer is not null
            ? new MappingResult(new MappedEvent(customer, type.Name, data), [])
            : new MappingResult(null, [.. errors]);
    }

    private static string? CheckCustomer(string id, CompiledField field, List<ValidationError> errors)
    {
        if (id.Length is > 0 and <= 128 && !id.Any(char.IsControl))
        {
            return id;
        }
        errors.Add(new("customer", id.Length == 0 ? $"the customer id read from '{field.From}' is empty"
            : id.Length > 128 ? $"the customer id read from '{field.From}' is {id.Length} characters long; at most 128 are allowed"
            : $"the customer id read from '{field.From}' contains control characters (such as NUL or a line break), which no member id may hold"));
        return null;
    }

    /// <summary>Runs one field; null when it is missing or in error (errors say which).</summary>
    private static JsonNode? Run(CompiledField field, JsonElement source, string prefix, ICollection<MappingTraceEntry>? trace, List<ValidationError> errors)
    {
        string? from = null;
        var value = field.From is not null ? field.From.Read(source, out from) : FieldValue.Missing;
        var raw = value.Display;
        var defaulted = value.IsEmpty && field.Default is not null;
        if (defaulted)
        {
            value = FieldValue.FromText(field.Default!);
        }
        string? replaced = null;
        if (field.Replace.Count > 0 && value.TryScalar(out var text) && field.Replace.TryGetValue(text, out var with))
        {
            replaced = text;
            value = FieldValue.FromText(with);
        }
        var target = prefix + field.To;
        JsonNode? result = null;
        string? error = null;
        if (!value.IsEmpty)
        {
            result = Convert(field, value, target, trace, errors, out error);
        }
        if (error is not null)
        {
            errors.Add(new(target, error));
        }
        trace?.Add(new MappingTraceEntry(prefix + from, target, raw, defaulted, replaced, result?.ToJsonString(), error));
        return result;
    }

    private static JsonNode? Convert(CompiledField field, FieldValue value, string target, ICollection<MappingTraceEntry>? trace,
        List<ValidationError> errors, out string? error)
    {
        error = null;
        if (!field.Items.IsEmpty)
        {
            return MapItems(field, value, target, trace, errors, out error);
        }
        if (field.Schema is null)
        {
            return value.IsText ? JsonValue.Create(value.Text) : JsonNodes.From(value.Element);
        }
        if (AttributeConverter.TryConvert(value, field.Schema, out var converted, out var reason))
        {
            return converted;
        }
        error = reason;
        return null;
    }

    private static JsonArray? MapItems(CompiledField field, FieldValue value, string target, ICollection<MappingTraceEntry>? trace,
        List<ValidationError> errors, out string? error)
    {
        error = null;
        if (value.IsText || value.Element.ValueKind != JsonValueKind.Array)
        {
            error = $"{value.Display} is not a list";
            return null;
        }
        var items = new JsonArray();
        var index = 0;
        foreach (var element in value.Element.EnumerateArray())
        {
            var item = new JsonObject();
            var prefix = $"{target}[{index}].";
            foreach (var sub in field.Items)
            {
                if (Run(sub, element, prefix, trace, errors) is { } node)
                {
                    Set(item, sub.Target, node);
                }
            }
            RequireAttributes(field.Schema?.Items ?? [], item, prefix, field.Items, errors);
            items.Add(item);
            index++;
        }
        return items;
    }

    private static void RequireAttributes(ImmutableArray<AttributeSchema> attributes, JsonObject data, string prefix,
        ImmutableArray<CompiledField> fields, List<ValidationError> errors)
    {
        foreach (var attribute in attributes)
        {
            if (!attribute.Required || data.ContainsKey(attribute.Name) || errors.Exists(e => e.Field == prefix + attribute.Name))
            {
                continue;
            }
            var source = fields.FirstOrDefault(f => f.Target.Length == 1 && f.Target[0] == attribute.Name);
            errors.Add(new(prefix + attribute.Name, Missing(source)));
        }
    }

    private static string Missing(CompiledField? source) => source is null
        ? "is required and nothing maps to it"
        : $"is required, but the request has no value at '{source.From}' and the mapping gives no default";

    private static void Set(JsonObject root, ImmutableArray<string> target, JsonNode node)
    {
        var current = root;
        for (var i = 0; i < target.Length - 1; i++)
        {
            if (current[target[i]] is not JsonObject next)
            {
                next = [];
                current[target[i]] = next;
            }
            current = next;
        }
        current[target[^1]] = node;
    }
}

/// <summary>The event mapping built, or every reason it could not.</summary>
public sealed record MappingResult(MappedEvent? Event, ImmutableArray<ValidationError> Errors)
{
    public static MappingResult NotRun { get; } = new(null, []);

    public bool Succeeded => Event is not null;
}
