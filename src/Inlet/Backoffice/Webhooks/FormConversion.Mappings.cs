using System.Text.Json;
using Inlet.Engine;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Backoffice.Webhooks;

/// <summary>Mapping rows, with their replace values and item sub-mappings, to and from the definition.</summary>
internal static partial class FormConversion
{
    private static MappingForm MappingRow(MappingDefinition mapping)
    {
        // Sub-mappings with replace rules (or nested ones, which the validator refuses) have no rows: they ride along as JSON.
        var asRows = mapping.Items.All(item => item.Replace.Count == 0 && item.Items.Count == 0);
        return new()
        {
            From = mapping.From, To = mapping.To, Default = mapping.Default,
            Replace = [.. mapping.Replace.Select(r => new ReplaceForm { Value = r.Value, With = r.With })],
            Items = asRows ? [.. mapping.Items.Select(item => new ItemForm { From = item.From, To = item.To, Default = item.Default })] : [],
            ItemsJson = asRows ? null : JsonSerializer.Serialize(mapping.Items, EngineJson.Options),
        };
    }

    private static MappingDefinition Mapping(MappingForm mapping, int i, Dictionary<string, string> paths, List<ValidationError> errors)
    {
        var replace = new List<ReplaceRule>();
        for (var j = 0; j < mapping.Replace.Count; j++)
        {
            var rule = mapping.Replace[j];
            if (string.IsNullOrEmpty(rule.Value) && string.IsNullOrEmpty(rule.With))
            {
                continue; // an empty pair is an unused "+"
            }
            paths[$"mappings[{i}].replace[{replace.Count}]"] = $"Form.Mappings[{i}].Replace[{j}]";
            replace.Add(new(rule.Value ?? "", rule.With ?? ""));
        }
        return new()
        {
            From = mapping.From?.Trim() ?? "", To = mapping.To?.Trim() ?? "", Default = mapping.Default, Replace = replace,
            Items = string.IsNullOrWhiteSpace(mapping.ItemsJson) ? Items(mapping.Items, i, paths) : ItemsFromJson(mapping.ItemsJson, i, errors),
        };
    }

    private static List<MappingDefinition> Items(List<ItemForm> rows, int i, Dictionary<string, string> paths)
    {
        var items = new List<MappingDefinition>();
        for (var k = 0; k < rows.Count; k++)
        {
            var row = rows[k];
            if (string.IsNullOrWhiteSpace(row.From) && string.IsNullOrWhiteSpace(row.To) && row.Default is null)
            {
                continue; // an empty row is an unused "Add item field"
            }
            paths[$"mappings[{i}].items[{items.Count}]"] = $"Form.Mappings[{i}].Items[{k}]";
            items.Add(new() { From = row.From?.Trim() ?? "", To = row.To?.Trim() ?? "", Default = row.Default });
        }
        return items;
    }

    private static List<MappingDefinition> ItemsFromJson(string json, int i, List<ValidationError> errors)
    {
        try
        {
            return JsonSerializer.Deserialize<List<MappingDefinition>>(json, EngineJson.Options) ?? [];
        }
        catch (JsonException)
        {
            errors.Add(new($"Form.Mappings[{i}]", "its item sub-mappings cannot be read: set them through the API"));
            return [];
        }
    }
}
