using System.Collections.Frozen;
using System.Collections.Immutable;
using Inlet.Engine.Events;
using Inlet.Engine.Paths;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Mapping;

/// <summary>
/// Checks a webhook's mappings against its event type and compiles them into a <see cref="MappingPlan"/>, in one pass:
/// every fault is added to the list with its field, and a plan comes back only when there was none.
/// </summary>
public static partial class MappingCompiler
{
    private static readonly AttributeSchema CustomerSchema = new("customer", AttributeType.String, Required: true);

    public static MappingPlan? Compile(IReadOnlyList<MappingDefinition>? mappings, EventType? type, ICollection<ValidationError> errors)
    {
        var before = errors.Count;
        mappings ??= [];
        CompiledField? customer = null;
        var fields = ImmutableArray.CreateBuilder<CompiledField>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mappings.Count; i++)
        {
            var field = $"mappings[{i}]";
            var mapping = mappings[i] ?? new MappingDefinition();
            var target = ParseTarget(mapping.To, type, $"{field}.to", errors, out var schema);
            if (mapping.To is not null && !seen.TryAdd(mapping.To, i) && target is not null)
            {
                errors.Add(new($"{field}.to", $"{mapping.To} is already mapped by mappings[{seen[mapping.To]}]: keep one of them"));
            }
            var compiled = CompileField(mapping, field, target, schema, errors);
            if (compiled is null)
            {
                continue;
            }
            if (compiled.IsCustomer)
            {
                customer = compiled;
            }
            else
            {
                fields.Add(compiled);
            }
        }
        if (customer is null && !seen.ContainsKey("customer"))
        {
            errors.Add(new("mappings", "nothing maps the customer id: add a mapping whose To is customer (e.g. from clientID)"));
        }
        if (type is not null)
        {
            RequireMapped(type.Attributes, seen.Keys.Where(k => k.StartsWith("data.", StringComparison.Ordinal)).Select(k => k[5..].Split('.')[0]),
                type.Name, "data.", "mappings", errors);
        }
        return errors.Count == before && type is not null ? new MappingPlan(type, customer, fields.ToImmutable()) : null;
    }

    private static CompiledField? CompileField(MappingDefinition mapping, string field, ImmutableArray<string>? target,
        AttributeSchema? schema, ICollection<ValidationError> errors)
    {
        var before = errors.Count;
        var from = ParseSource(mapping, field, errors);
        CheckConvertible(mapping.Default, schema, $"{field}.default", errors);
        var replace = CompileReplace(mapping.Replace ?? [], schema, field, errors);
        var items = CompileItems(mapping, field, schema, errors);
        return errors.Count == before && target is { } t
            ? new CompiledField(from, mapping.To, t, mapping.Default, replace, schema, items)
            : null;
    }

    private static MappingSource? ParseSource(MappingDefinition mapping, string field, ICollection<ValidationError> errors)
    {
        if (string.IsNullOrEmpty(mapping.From))
        {
            if (mapping.Default is null)
            {
                errors.Add(new($"{field}.from", "is empty: write the body attribute to read (e.g. clientID), or give a default to send a constant"));
            }
            return null;
        }
        var alternatives = MappingSource.Alternatives(mapping.From);
        var paths = ImmutableArray.CreateBuilder<AttributePath>(alternatives.Count);
        foreach (var alternative in alternatives)
        {
            if (ParsePath(alternative, alternatives.Count > 1, $"{field}.from", errors) is { } path)
            {
                paths.Add(path);
            }
        }
        return paths.Count == alternatives.Count ? new MappingSource(mapping.From, paths.MoveToImmutable()) : null;
    }

    private static AttributePath? ParsePath(string text, bool isAlternative, string field, ICollection<ValidationError> errors)
    {
        if (isAlternative && text.Length == 0)
        {
            errors.Add(new(field, "has an empty alternative: write a body path on each side of '|' (e.g. $FirstName | $firstname)"));
            return null;
        }
        if (text.StartsWith("body.", StringComparison.Ordinal) || text.StartsWith("headers.", StringComparison.Ordinal))
        {
            errors.Add(new(field, text.StartsWith('b')
                ? $"From reads the request body already: write '{text[5..]}' instead of '{text}'"
                : "mappings read the request body only; use headers in filters"));
            return null;
        }
        var parsed = AttributePath.ParseBodyPath(text);
        if (parsed.Error is { } error)
        {
            errors.Add(new(field, error));
        }
        return parsed.Path;
    }

    private static FrozenDictionary<string, string> CompileReplace(IReadOnlyList<ReplaceRule> rules, AttributeSchema? schema, string field,
        ICollection<ValidationError> errors)
    {
        var replace = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var j = 0; j < rules.Count; j++)
        {
            var rule = rules[j];
            if (rule?.Value is null || rule.With is null)
            {
                errors.Add(new($"{field}.replace[{j}]", "needs both the value to replace and the new value"));
                continue;
            }
            if (!replace.TryAdd(rule.Value, rule.With))
            {
                errors.Add(new($"{field}.replace[{j}].value", $"'{rule.Value}' is replaced twice: keep one rule for it"));
            }
            CheckConvertible(rule.With, schema, $"{field}.replace[{j}].with", errors);
        }
        return replace.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void CheckConvertible(string? text, AttributeSchema? schema, string field, ICollection<ValidationError> errors)
    {
        if (text is null || schema is null || schema.Type == AttributeType.ObjectList || string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (!AttributeConverter.TryConvert(FieldValue.FromText(text), schema, out _, out var error))
        {
            errors.Add(new(field, error));
        }
    }

    private static ImmutableArray<CompiledField> CompileItems(MappingDefinition mapping, string field, AttributeSchema? schema,
        ICollection<ValidationError> errors)
    {
        var subMappings = mapping.Items ?? [];
        if (subMappings.Count == 0)
        {
            return [];
        }
        if (schema is { Type: not AttributeType.ObjectList })
        {
            errors.Add(new($"{field}.items", $"sub-mappings apply to lists of objects; {mapping.To} is {AttributeConverter.Describe(schema.Type)}"));
            return [];
        }
        var items = ImmutableArray.CreateBuilder<CompiledField>();
        for (var k = 0; k < subMappings.Count; k++)
        {
            var sub = subMappings[k] ?? new MappingDefinition();
            var subField = $"{field}.items[{k}]";
            var subSchema = schema?.Items.FirstOrDefault(a => a.Name == sub.To);
            var target = ParseItemTarget(sub.To, $"{subField}.to", errors);
            if (sub.Items is { Count: > 0 })
            {
                errors.Add(new($"{subField}.items", "sub-mappings nest one level only"));
            }
            if (CompileField(sub with { Items = [] }, subField, target, subSchema, errors) is { } compiled)
            {
                items.Add(compiled);
            }
        }
        if (schema is not null)
        {
            RequireMapped(schema.Items, subMappings.Select(s => s?.To ?? ""), $"each element of {mapping.To}", "", $"{field}.items", errors);
        }
        return items.ToImmutable();
    }

    private static void RequireMapped(ImmutableArray<AttributeSchema> attributes, IEnumerable<string> mapped, string owner, string prefix,
        string field, ICollection<ValidationError> errors)
    {
        var names = mapped.ToHashSet(StringComparer.Ordinal);
        foreach (var attribute in attributes.Where(a => a.Required && !names.Contains(a.Name)))
        {
            errors.Add(new(field, $"{owner} requires {prefix}{attribute.Name}: add a mapping whose To is {prefix}{attribute.Name}"));
        }
    }
}
