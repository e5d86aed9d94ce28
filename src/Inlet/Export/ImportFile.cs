using System.Text.Json;
using System.Text.Json.Nodes;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Events;
using Inlet.Settings;
using Inlet.Webhooks;

namespace Inlet.Export;

/// <summary>A webhook of an import file, with the status the file gives it, if any.</summary>
internal sealed record ImportedWebhook(string Field, string? Status, WebhookDefinition Definition)
{
    public string Key => $"{Definition.Method} {Definition.Endpoint}";
}

/// <summary>
/// What an import file says, read the way the API reads each part (<see cref="SettingsReader"/>, the event types' and
/// webhooks' readers and validators), with every fault at once, each named by its place in the file (<c>webhooks[2].endpoint</c>).
/// </summary>
internal sealed record ImportFile(AccountSettings? Settings, IReadOnlyList<CustomEventTypeDefinition> EventTypes, IReadOnlyList<ImportedWebhook> Webhooks)
{
    private static readonly string[] Parts = ["format", "settings", "eventTypes", "webhooks"];

    /// <summary>What could be read, so the plan can find the faults of the rest; null when the document is not an object.</summary>
    public static ImportFile? Read(JsonElement document, List<ValidationError> errors)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("", "send the document GET /api/v1/export (or inlet export) gives: a JSON object with settings, eventTypes and webhooks"));
            return null;
        }
        foreach (var part in document.EnumerateObject().Where(p => !Parts.Contains(p.Name)))
        {
            errors.Add(new(part.Name, $"is not part of an export: the parts are {string.Join(", ", Parts)}"));
        }
        if (document.TryGetProperty("format", out var format) && !(format.ValueKind == JsonValueKind.String && format.GetString() == AccountExporter.Format))
        {
            errors.Add(new("format", $"{format.GetRawText()} is not a format this Inlet reads: it reads \"{AccountExporter.Format}\""));
        }
        AccountSettings? settings = null;
        if (document.TryGetProperty("settings", out var settingsElement))
        {
            settings = SettingsReader.Read(settingsElement, out var settingsErrors);
            errors.AddRange(settingsErrors.Select(e => Prefixed("settings", e)));
        }
        var types = Items(document, "eventTypes", errors).Select((item, i) => EventType(item, $"eventTypes[{i}]", errors)).OfType<CustomEventTypeDefinition>().ToList();
        var webhooks = Items(document, "webhooks", errors).Select((item, i) => Webhook(item, $"webhooks[{i}]", errors)).OfType<ImportedWebhook>().ToList();
        foreach (var twice in types.GroupBy(t => t.Name).Where(g => g.Count() > 1))
        {
            errors.Add(new("eventTypes", $"the event type {twice.Key} is given {twice.Count()} times: give it once"));
        }
        foreach (var twice in webhooks.GroupBy(w => w.Key).Where(g => g.Count() > 1))
        {
            errors.Add(new("webhooks", $"{twice.Key} is the endpoint of {twice.Count()} webhooks ({string.Join(", ", twice.Select(w => w.Field))}): an endpoint takes one webhook per method"));
        }
        // A name given twice is a fault already; the first is kept, so the catalog can still be built to check the webhooks.
        return new ImportFile(settings, [.. types.DistinctBy(t => t.Name)], webhooks);
    }

    public static ValidationError Prefixed(string prefix, ValidationError error) =>
        error with { Field = error.Field.Length == 0 ? prefix : $"{prefix}.{error.Field}" };

    private static List<JsonElement> Items(JsonElement document, string part, List<ValidationError> errors)
    {
        if (!document.TryGetProperty(part, out var items))
        {
            return [];
        }
        if (items.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(part, "must be a list"));
            return [];
        }
        return [.. items.EnumerateArray()];
    }

    private static CustomEventTypeDefinition? EventType(JsonElement item, string field, List<ValidationError> errors)
    {
        var definition = EventTypesApi.Read(item, out var readError);
        IReadOnlyList<ValidationError> faults = definition is null ? [readError!] : CustomEventTypes.Validate(definition);
        errors.AddRange(faults.Select(e => Prefixed(field, e)));
        return faults.Count == 0 ? definition : null;
    }

    private static ImportedWebhook? Webhook(JsonElement item, string field, List<ValidationError> errors)
    {
        string? status = null;
        if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("status", out var statusElement))
        {
            status = statusElement.ValueKind == JsonValueKind.String ? statusElement.GetString() : statusElement.GetRawText();
            if (status is not (WebhookStatus.Active or WebhookStatus.Inactive))
            {
                errors.Add(new($"{field}.status", $"'{status}' is not a status an import gives: write active or inactive (archived webhooks are not exported)"));
            }
            item = WithoutStatus(item);
        }
        var definition = DefinitionReader.Read(item, out var readError);
        if (definition is null)
        {
            errors.Add(Prefixed(field, readError!));
            return null;
        }
        return new ImportedWebhook(field, status, definition);
    }

    private static JsonElement WithoutStatus(JsonElement item)
    {
        try
        {
            var rest = JsonObject.Create(item)!;
            rest.Remove("status");
            return JsonSerializer.SerializeToElement(rest);
        }
        catch (ArgumentException)
        {
            // A name given twice: the definition's reader says so.
            return item;
        }
    }
}
