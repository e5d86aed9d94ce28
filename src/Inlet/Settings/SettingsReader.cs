using System.Text.Json;
using Inlet.Engine.Members;
using Inlet.Engine.Validation;

namespace Inlet.Settings;

/// <summary>
/// Reads the settings a PUT sends, field by field, so every unreadable value is reported at once (a serializer stops at the
/// first). A PUT replaces the settings: a field left out takes its default, and an unknown name is a fault, not a silent reset.
/// </summary>
internal static class SettingsReader
{
    private static readonly string[] Names = ["earnRate", "checkoutPending", "unknownCustomer", "allowNegativeBalance", "parkDays"];

    public static AccountSettings? Read(JsonElement body, out List<ValidationError> errors)
    {
        errors = [];
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new("", "send the settings as a JSON object, e.g. {\"earnRate\": 1, \"checkoutPending\": true}"));
            return null;
        }
        var settings = AccountSettings.Default;
        foreach (var property in body.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "earnRate" when value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var rate):
                    settings = settings with { EarnRate = rate };
                    break;
                case "earnRate":
                    errors.Add(new("earnRate", "must be a number of points per currency unit, e.g. 1 or 2.5"));
                    break;
                case "checkoutPending" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    settings = settings with { CheckoutPending = value.GetBoolean() };
                    break;
                case "allowNegativeBalance" when value.ValueKind is JsonValueKind.True or JsonValueKind.False:
                    settings = settings with { AllowNegativeBalance = value.GetBoolean() };
                    break;
                case "checkoutPending" or "allowNegativeBalance":
                    errors.Add(new(property.Name, "must be true or false"));
                    break;
                case "unknownCustomer" when value.ValueKind == JsonValueKind.String && Policy(value.GetString()) is { } policy:
                    settings = settings with { UnknownCustomer = policy };
                    break;
                case "unknownCustomer":
                    errors.Add(new("unknownCustomer",
                        "must be \"reject\" (events for unknown members are refused), \"create\" (they enroll them) or \"park\" (they wait for the member's opt-in)"));
                    break;
                case "parkDays" when value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var days):
                    settings = settings with { ParkDays = days };
                    break;
                case "parkDays":
                    errors.Add(new("parkDays", "must be a number of days from 1 to 3650"));
                    break;
                default:
                    errors.Add(new(property.Name, $"is not a setting: the settings are {string.Join(", ", Names)}"));
                    break;
            }
        }
        errors.AddRange(settings.Validate());
        return errors.Count > 0 ? null : settings;
    }

    /// <summary>The policy a setting's text names (<c>reject</c>, <c>create</c>, <c>park</c>), or null.</summary>
    public static UnknownCustomerPolicy? Policy(string? text) => text switch
    {
        "reject" => UnknownCustomerPolicy.Reject,
        "create" => UnknownCustomerPolicy.Create,
        "park" => UnknownCustomerPolicy.Park,
        _ => null,
    };

    /// <summary>The text of a policy, as the API writes it (its JSON names are its names in lower case).</summary>
    public static string PolicyName(UnknownCustomerPolicy policy) => policy.ToString().ToLowerInvariant();
}
