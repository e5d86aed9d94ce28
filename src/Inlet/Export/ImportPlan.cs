using System.Security.Cryptography;
using System.Text.Json;
using Inlet.Data;
using Inlet.Engine;
using Inlet.Engine.Events;
using Inlet.Engine.Members;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;
using Inlet.Settings;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Export;

/// <summary>One change an import makes, or would make in a dry run: <c>create webhook POST endpoint1: Point add, active</c>.</summary>
internal sealed record ImportChange(string Change, string Kind, string Name, string? Detail = null)
{
    public override string ToString() => $"{Change} {Kind.Replace('_', ' ')} {Name}{(Detail is null ? "" : $": {Detail}")}";
}

/// <summary>
/// What an import file changes in an account, found by comparing it with the store: settings replaced when they differ;
/// event types matched by name (new ones created; one cannot change); webhooks matched by method and endpoint (new ones
/// created, differing ones given a new version). Nothing in the account is removed, and an existing webhook keeps its status.
/// </summary>
internal sealed class ImportPlan
{
    public AccountSettings? Settings { get; private set; }
    public List<CustomEventTypeDefinition> NewEventTypes { get; } = [];
    public List<(WebhookDefinition Definition, bool Activate)> NewWebhooks { get; } = [];
    public List<(WebhookRow Row, WebhookDefinition Definition)> ChangedWebhooks { get; } = [];
    public List<ImportChange> Changes { get; } = [];

    /// <summary>What the import leaves as it is although the file differs, for the user to know.</summary>
    public List<string> Notes { get; } = [];

    /// <summary>The plan; faults (an event type that would change, a webhook invalid against the account's catalog) go to <paramref name="errors"/>.</summary>
    public static async Task<ImportPlan> MakeAsync(InletDb db, StoredDefinitions stored, string accountId, ImportFile file,
        List<ValidationError> errors, CancellationToken cancellationToken)
    {
        var plan = new ImportPlan();
        if (file.Settings is { } settings)
        {
            plan.PlanSettings(await StoredSettings.ReadAsync(db, accountId, cancellationToken), settings);
        }
        var types = await db.EventTypes.AsNoTracking().Where(t => t.AccountId == accountId).ToListAsync(cancellationToken);
        var existingTypes = types.ToDictionary(t => t.Name, t => t.ReadDefinition());
        plan.PlanEventTypes(existingTypes, file.EventTypes, errors);
        var catalog = EventCatalog.WithCustom(existingTypes.Values.Concat(plan.NewEventTypes).Select(CustomEventTypes.ToEventType));
        var rows = await db.Webhooks.AsNoTracking().Where(w => w.AccountId == accountId && w.Status != WebhookStatus.Archived).ToListAsync(cancellationToken);
        plan.PlanWebhooks(rows.ToDictionary(r => $"{r.Method} {r.Endpoint}", r => (r, stored.Read(r))), file.Webhooks, catalog, errors);
        return plan;
    }

    private void PlanSettings(AccountSettings current, AccountSettings wanted)
    {
        (string Name, bool Differs)[] settings =
        [
            ("earnRate", current.EarnRate != wanted.EarnRate), ("checkoutPending", current.CheckoutPending != wanted.CheckoutPending),
            ("unknownCustomer", current.UnknownCustomer != wanted.UnknownCustomer), ("allowNegativeBalance", current.AllowNegativeBalance != wanted.AllowNegativeBalance),
        ];
        if (settings.Any(s => s.Differs))
        {
            Settings = wanted;
            Changes.Add(new("update", "settings", string.Join(", ", settings.Where(s => s.Differs).Select(s => s.Name))));
        }
    }

    private void PlanEventTypes(Dictionary<string, CustomEventTypeDefinition> existing, IReadOnlyList<CustomEventTypeDefinition> wanted, List<ValidationError> errors)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            var type = wanted[i];
            if (!existing.TryGetValue(type.Name, out var current))
            {
                NewEventTypes.Add(type);
                Changes.Add(new("create", "event_type", type.Name));
            }
            else if (Json(current) != Json(type))
            {
                errors.Add(new($"eventTypes[{i}]", $"the account's event type {type.Name} is defined otherwise, and an event type cannot change once created (events were registered against it): give the changed type a new name"));
            }
        }
        Notes.AddRange(existing.Keys.Except(wanted.Select(t => t.Name)).Order(StringComparer.Ordinal).Select(name => $"event type {name} is not in the file: left as it is"));
    }

    private void PlanWebhooks(Dictionary<string, (WebhookRow Row, WebhookDefinition Definition)> existing, IReadOnlyList<ImportedWebhook> wanted,
        EventCatalog catalog, List<ValidationError> errors)
    {
        foreach (var webhook in wanted)
        {
            if (existing.Remove(webhook.Key, out var current))
            {
                var definition = webhook.Definition with { Verification = KeepSecrets(webhook.Definition.Verification, current.Definition.Verification) };
                if (IsValid(webhook.Field, definition, catalog, errors) && Json(definition) != Json(current.Definition))
                {
                    ChangedWebhooks.Add((current.Row, definition));
                    Changes.Add(new("update", "webhook", webhook.Key, $"{definition.Name}, version {current.Row.Version + 1}"));
                }
                if (webhook.Status is { } status && status != current.Row.Status)
                {
                    Notes.Add($"webhook {webhook.Key} is {current.Row.Status} here and {status} in the file: an import leaves an existing webhook's status as it is");
                }
            }
            else
            {
                var secretless = LacksSecret(webhook.Definition.Verification);
                var definition = secretless ? webhook.Definition with { Verification = Unknowable(webhook.Definition.Verification) } : webhook.Definition;
                if (IsValid(webhook.Field, definition, catalog, errors))
                {
                    var activate = webhook.Status == WebhookStatus.Active && !secretless;
                    NewWebhooks.Add((definition, activate));
                    Changes.Add(new("create", "webhook", webhook.Key, secretless
                        ? $"{definition.Name}, inactive: its verification secret is not in the file; set it, then activate the webhook"
                        : $"{definition.Name}, {(activate ? WebhookStatus.Active : WebhookStatus.Inactive)}"));
                }
            }
        }
        Notes.AddRange(existing.OrderBy(w => w.Key, StringComparer.Ordinal).Select(w => $"webhook {w.Key} ({w.Value.Row.Name}) is not in the file: left as it is"));
    }

    private static bool IsValid(string field, WebhookDefinition definition, EventCatalog catalog, List<ValidationError> errors)
    {
        var faults = WebhookValidator.Validate(definition, catalog);
        errors.AddRange(faults.Select(e => ImportFile.Prefixed(field, e)));
        return faults.Count == 0;
    }

    /// <summary>A secret the file leaves out (as every export does) keeps the one stored, as long as the verification keeps its type.</summary>
    private static VerificationDefinition KeepSecrets(VerificationDefinition wanted, VerificationDefinition current) => wanted.Type != current.Type ? wanted : wanted with
    {
        Secret = wanted.Secret ?? current.Secret,
        PreviousSecret = wanted.PreviousSecret ?? current.PreviousSecret,
        Password = wanted.Password ?? current.Password,
    };

    private static bool LacksSecret(VerificationDefinition v) => v.Type switch
    {
        "token" or "hmac" or "standard-webhooks" => string.IsNullOrEmpty(v.Secret),
        "basic" => string.IsNullOrEmpty(v.Password),
        _ => false,
    };

    /// <summary>A random secret nobody knows, so a webhook created without its secret stays valid and verifies no request until one is set.</summary>
    private static VerificationDefinition Unknowable(VerificationDefinition v)
    {
        var random = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        return v.Type == "basic" ? v with { Password = random } : v with { Secret = v.Type == "standard-webhooks" ? "whsec_" + random : random };
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, EngineJson.Options);
}
