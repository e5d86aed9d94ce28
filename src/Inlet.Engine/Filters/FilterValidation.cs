using System.Text.Json;
using System.Text.RegularExpressions;
using Inlet.Engine.Paths;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Filters;

/// <summary>Checks a filter definition and reports every fault at once, each under its field (e.g. <c>filter.all[1].operator</c>).</summary>
public static class FilterValidation
{
    /// <summary>How many groups may nest inside one another, the outermost counting as one.</summary>
    public const int MaxDepth = 16;

    /// <summary>Adds one error per fault of <paramref name="filter"/> to <paramref name="errors"/>; none for a null filter.</summary>
    public static void Validate(FilterNode? filter, ICollection<ValidationError> errors, string field = "filter")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (filter is not null)
        {
            ValidateNode(filter, field, 0, errors);
        }
    }

    private static void ValidateNode(FilterNode? node, string field, int depth, ICollection<ValidationError> errors)
    {
        switch (node)
        {
            case FilterGroup group:
                ValidateGroup(group, field, depth + 1, errors);
                break;
            case FilterCondition condition:
                ValidateCondition(condition, field, errors);
                break;
            default:
                errors.Add(new(field, "is neither a group nor a condition: write {\"all\": [...]}, {\"any\": [...]} or {\"attribute\": ..., \"operator\": ..., \"value\": ...}"));
                break;
        }
    }

    private static void ValidateGroup(FilterGroup group, string field, int depth, ICollection<ValidationError> errors)
    {
        if (depth == MaxDepth + 1)
        {
            errors.Add(new(field, $"nests groups {depth} deep; at most {MaxDepth} levels are allowed: merge nested groups of the same kind"));
        }
        if (group.Join is not (FilterJoin.All or FilterJoin.Any))
        {
            errors.Add(new(field, "a group is either \"all\" (every condition) or \"any\" (at least one)"));
        }
        if (group.Conditions is null)
        {
            errors.Add(new(field, "a group needs a list of conditions; an empty list [] matches every request"));
            return;
        }
        var join = group.Join == FilterJoin.Any ? "any" : "all";
        for (var i = 0; i < group.Conditions.Count; i++)
        {
            ValidateNode(group.Conditions[i], $"{field}.{join}[{i}]", depth, errors);
        }
    }

    private static void ValidateCondition(FilterCondition condition, string field, ICollection<ValidationError> errors)
    {
        if (AttributePath.ParseAttribute(condition.Attribute).Error is { } pathError)
        {
            errors.Add(new($"{field}.attribute", pathError));
        }
        var op = FilterOperators.Find(condition.Operator);
        if (op is null)
        {
            errors.Add(new($"{field}.operator", UnknownOperator(condition.Operator)));
            if (condition.Value is { ValueKind: JsonValueKind.Object })
            {
                errors.Add(new($"{field}.value", "is an object, which never compares: give a text, a number, true/false or a list"));
            }
            return;
        }
        FilterValueRules.Validate(op, condition.Value, $"{field}.value", errors);
    }

    private static string UnknownOperator(string? name)
    {
        var suggestion = OperatorSuggestion.For(name);
        var hint = suggestion is null ? "" : $"did you mean {suggestion}? ";
        return string.IsNullOrWhiteSpace(name)
            ? $"is missing: choose one of {FilterOperators.NameList}"
            : $"'{name}' is not an operator: {hint}choose one of {FilterOperators.NameList}";
    }

    /// <summary>Whether a pattern compiles as .NET regex; the reason from the parser when it does not.</summary>
    internal static bool TryParseRegex(string pattern, out string? reason)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            reason = null;
            return true;
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
            return false;
        }
    }
}
