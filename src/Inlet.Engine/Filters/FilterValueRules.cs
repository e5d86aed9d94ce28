using System.Text.Json;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Filters;

/// <summary>What <c>value</c> each operator accepts; faults are reported under the condition's <c>value</c> field.</summary>
internal static class FilterValueRules
{
    public static void Validate(FilterOperatorInfo op, JsonElement? value, string field, ICollection<ValidationError> errors)
    {
        var kind = value?.ValueKind ?? JsonValueKind.Undefined;
        if (!op.TakesValue)
        {
            // A null value is what a form sends for "no value", so it is accepted.
            if (kind is not (JsonValueKind.Undefined or JsonValueKind.Null))
            {
                errors.Add(new(field, $"{op.Name} takes no value: remove \"value\""));
            }
            return;
        }
        switch (kind)
        {
            case JsonValueKind.Undefined:
                errors.Add(new(field, $"is missing: {op.Name} needs a value, e.g. \"value\": {Example(op)}"));
                return;
            case JsonValueKind.Null:
                errors.Add(new(field, $"is null, which never compares: give a value such as {Example(op)}, or test for a null attribute with not_exists or is_empty"));
                return;
            case JsonValueKind.Object:
                errors.Add(new(field, $"is an object, which never compares: give a value such as {Example(op)}"));
                return;
        }
        var element = value!.Value;
        if (op.ValueIsList)
        {
            ValidateList(op, element, field, errors);
            return;
        }
        switch (op.Operator)
        {
            case FilterOperator.Equal or FilterOperator.NotEqual:
                return; // a text, a number, true/false, or a list compared element by element
            case FilterOperator.Matches when kind != JsonValueKind.String:
                errors.Add(new(field, $"matches takes a regular expression as a text, e.g. {Example(op)}"));
                return;
            case FilterOperator.Matches when !FilterValidation.TryParseRegex(element.GetString()!, out var reason):
                errors.Add(new(field, $"is not a valid regular expression: {reason}"));
                return;
            case FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual or FilterOperator.LessThan or FilterOperator.LessThanOrEqual
                when kind is JsonValueKind.True or JsonValueKind.False:
                errors.Add(new(field, $"{op.Name} compares numbers or texts, not true/false: give e.g. {Example(op)}"));
                return;
        }
        if (kind == JsonValueKind.Array)
        {
            errors.Add(new(field, $"{op.Name} compares with one value, not a list: give e.g. {Example(op)} (to test several values use in)"));
        }
    }

    private static void ValidateList(FilterOperatorInfo op, JsonElement element, string field, ICollection<ValidationError> errors)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(field, $"{op.Name} takes a list of values: write \"value\": [{element.GetRawText()}]"));
            return;
        }
        if (element.GetArrayLength() == 0)
        {
            errors.Add(new(field, $"is an empty list: list at least one value, e.g. {Example(op)}"));
            return;
        }
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False))
            {
                errors.Add(new($"{field}[{i}]", "must be a text, a number or true/false"));
            }
            i++;
        }
    }

    private static string Example(FilterOperatorInfo op) => op.Operator switch
    {
        FilterOperator.In or FilterOperator.NotIn => "[\"gold\", \"silver\"]",
        FilterOperator.Matches => "\"^ORD-[0-9]+$\"",
        FilterOperator.Contains or FilterOperator.NotContains or FilterOperator.StartsWith or FilterOperator.EndsWith => "\"vip\"",
        _ => "100",
    };
}
