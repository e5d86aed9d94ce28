using System.Globalization;
using System.Text.Json;
using Inlet.Engine;
using Inlet.Engine.Filters;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// Turns a definition into the form and the form back into a definition. Going back, it records which form row each
/// definition path came from (<c>filter.all[2].any[0]</c> → <c>Form.Groups[0].Criteria[0]</c>), so the validator's errors
/// land beside the inputs they concern.
/// </summary>
internal static partial class FormConversion
{
    private static readonly JsonSerializerOptions Indented = new(EngineJson.Options) { WriteIndented = true };

    public static WebhookForm FromDefinition(WebhookDefinition definition)
    {
        var form = new WebhookForm
        {
            Name = definition.Name, Method = definition.Method, Endpoint = definition.Endpoint, Action = definition.Action,
            FilterMismatchStatus = definition.FilterMismatchStatus.ToString(CultureInfo.InvariantCulture),
            Mappings = [.. definition.Mappings.Select(MappingRow)],
            Response = new() { Success = definition.Response.Success, Error = definition.Response.Error },
            Verification = new()
            {
                Type = definition.Verification.Type, Header = definition.Verification.Header, Secret = definition.Verification.Secret,
                PreviousSecret = definition.Verification.PreviousSecret,
                Username = definition.Verification.Username, Password = definition.Verification.Password,
                Algorithm = definition.Verification.Algorithm, Encoding = definition.Verification.Encoding, Prefix = definition.Verification.Prefix,
            },
            RateLimit = new()
            {
                Requests = definition.RateLimit?.Requests.ToString(CultureInfo.InvariantCulture),
                PerSeconds = definition.RateLimit?.PerSeconds.ToString(CultureInfo.InvariantCulture),
            },
            RedactBodyPaths = string.Join('\n', definition.RedactBodyPaths),
            Transform = new() { Code = definition.Transform?.Code },
        };
        if (!FilterRows(definition.Filter, form))
        {
            form.Criteria.Clear();
            form.Groups.Clear();
            form.AdvancedFilter = true;
            form.FilterJson = JsonSerializer.Serialize(definition.Filter, Indented);
        }
        return form;
    }

    /// <summary>Fills the criteria and groups of the form; false when the filter nests deeper than the form shows.</summary>
    private static bool FilterRows(FilterNode? filter, WebhookForm form)
    {
        var top = filter switch
        {
            null => new FilterGroup(FilterJoin.All, []),
            FilterCondition condition => new FilterGroup(FilterJoin.All, [condition]),
            _ => (FilterGroup)filter,
        };
        form.Join = Join(top.Join);
        foreach (var node in top.Conditions)
        {
            if (node is FilterCondition condition && Criterion(condition) is { } criterion)
            {
                form.Criteria.Add(criterion);
            }
            else if (node is FilterGroup group && group.Conditions.All(c => c is FilterCondition leaf && Criterion(leaf) is not null))
            {
                form.Groups.Add(new() { Join = Join(group.Join), Criteria = [.. group.Conditions.Select(c => Criterion((FilterCondition)c)!)] });
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static string Join(FilterJoin join) => join == FilterJoin.Any ? "any" : "all";

    /// <summary>The row of a condition, or null when its value is more than the value input can hold.</summary>
    private static CriterionForm? Criterion(FilterCondition condition)
    {
        var value = condition.Value;
        var isList = FilterOperators.Find(condition.Operator)?.ValueIsList == true;
        string? text = value switch
        {
            null or { ValueKind: JsonValueKind.Null } => "",
            { ValueKind: JsonValueKind.Array } list when isList && list.EnumerateArray().All(IsListItem) =>
                string.Join(", ", list.EnumerateArray().Select(Text)),
            { ValueKind: JsonValueKind.String } scalar when !FitsTheInput(scalar.GetString()!) => null,
            { ValueKind: JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } scalar => Text(scalar),
            _ => null,
        };
        return text is null ? null : new() { Attribute = condition.Attribute, Operator = condition.Operator, Value = text };
    }

    private static bool IsListItem(JsonElement item) =>
        item.ValueKind is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
        || (item.ValueKind == JsonValueKind.String && FitsTheInput(item.GetString()!) && !item.GetString()!.Contains(',', StringComparison.Ordinal));

    /// <summary>
    /// Text the value input gives back unchanged: not empty, no surrounding spaces or line breaks (the form trims), and not
    /// "true"/"false" (the form reads those as booleans). Any other text opens the filter as JSON, so a save changes nothing.
    /// </summary>
    private static bool FitsTheInput(string text) =>
        text.Length > 0 && text.Trim() == text && !text.Contains('\n', StringComparison.Ordinal) && text is not ("true" or "false");

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();

    /// <summary>
    /// The definition the form describes, over <paramref name="baseline"/> (what the form does not show, such as the
    /// idempotency key, is kept). Faults of the form itself (a filter JSON that does not parse) go to <paramref name="errors"/>
    /// under form keys; <paramref name="paths"/> maps definition paths to form keys.
    /// </summary>
    public static WebhookDefinition ToDefinition(WebhookForm form, WebhookDefinition baseline, Dictionary<string, string> paths,
        List<ValidationError> errors)
    {
        var status = WholeNumber(form.FilterMismatchStatus, "Form.FilterMismatchStatus", "is not a status code: write e.g. 422 or 200", errors);
        return baseline with
        {
            Name = form.Name?.Trim() ?? "",
            Method = form.Method ?? "",
            Endpoint = form.Endpoint?.Trim() ?? "",
            Filter = Filter(form, paths, errors),
            Action = form.Action ?? "",
            Mappings = [.. form.Mappings.Select((m, i) => Mapping(m, i, paths, errors))],
            Response = new(Blank(form.Response.Success), Blank(form.Response.Error)),
            Verification = baseline.Verification with
            {
                Type = form.Verification.Type ?? "none", Header = Blank(form.Verification.Header), Secret = Blank(form.Verification.Secret),
                PreviousSecret = Blank(form.Verification.PreviousSecret),
                Username = Blank(form.Verification.Username), Password = Blank(form.Verification.Password),
                Algorithm = Blank(form.Verification.Algorithm), Encoding = Blank(form.Verification.Encoding), Prefix = Blank(form.Verification.Prefix),
            },
            FilterMismatchStatus = status ?? baseline.FilterMismatchStatus,
            RateLimit = RateLimit(form.RateLimit, errors),
            RedactBodyPaths = [.. (form.RedactBodyPaths ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
            Transform = string.IsNullOrWhiteSpace(form.Transform.Code) ? null : new Engine.Transforms.TransformDefinition("javascript", form.Transform.Code.Replace("\r\n", "\n")),
        };
    }

    /// <summary>The number typed in <paramref name="key"/>, or null when empty or (with <paramref name="fault"/> in errors) not a whole number.</summary>
    private static int? WholeNumber(string? text, string key, string fault, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        errors.Add(new(key, fault));
        return null;
    }

    /// <summary>No limit when both inputs are empty; the validator then judges the numbers (its error lands on <c>Form.RateLimit</c>).</summary>
    private static RateLimitDefinition? RateLimit(RateLimitForm form, List<ValidationError> errors)
    {
        var requests = WholeNumber(form.Requests, "Form.RateLimit.Requests", "is not a whole number: write e.g. 100, or leave both empty for no limit", errors);
        var perSeconds = WholeNumber(form.PerSeconds, "Form.RateLimit.PerSeconds", "is not a whole number of seconds: write e.g. 60", errors);
        if (string.IsNullOrWhiteSpace(form.Requests) && perSeconds is not null)
        {
            errors.Add(new("Form.RateLimit.Requests", "is needed for a limit: write e.g. 100, or clear Per seconds for no limit"));
        }
        return requests is { } count ? new(count, perSeconds ?? 60) : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private static FilterNode? Filter(WebhookForm form, Dictionary<string, string> paths, List<ValidationError> errors)
    {
        if (form.AdvancedFilter)
        {
            paths["filter"] = "Form.FilterJson";
            try
            {
                return string.IsNullOrWhiteSpace(form.FilterJson) ? null : JsonSerializer.Deserialize<FilterNode>(form.FilterJson, EngineJson.Options);
            }
            catch (JsonException e)
            {
                errors.Add(new("Form.FilterJson", $"cannot be read: {e.Message.Split(" Path:")[0]}"));
                return null;
            }
        }
        if (form.Criteria.Count == 0 && form.Groups.Count == 0)
        {
            return null;
        }
        var top = form.Join == "any" ? "any" : "all";
        var nodes = new List<FilterNode>();
        foreach (var (criterion, i) in form.Criteria.Select((c, i) => (c, i)))
        {
            paths[$"filter.{top}[{nodes.Count}]"] = $"Form.Criteria[{i}]";
            nodes.Add(Condition(criterion));
        }
        foreach (var (group, g) in form.Groups.Select((c, g) => (c, g)))
        {
            var join = group.Join == "any" ? "any" : "all";
            var path = $"filter.{top}[{nodes.Count}]";
            paths[path] = $"Form.Groups[{g}]";
            for (var i = 0; i < group.Criteria.Count; i++)
            {
                paths[$"{path}.{join}[{i}]"] = $"Form.Groups[{g}].Criteria[{i}]";
            }
            nodes.Add(new FilterGroup(join == "any" ? FilterJoin.Any : FilterJoin.All, [.. group.Criteria.Select(Condition)]));
        }
        return new FilterGroup(top == "any" ? FilterJoin.Any : FilterJoin.All, nodes);
    }

    private static FilterCondition Condition(CriterionForm criterion)
    {
        var op = FilterOperators.Find(criterion.Operator);
        var text = criterion.Value?.Trim() ?? "";
        JsonElement? value = op switch
        {
            _ when text.Length == 0 => null,
            null => JsonSerializer.SerializeToElement(text),
            { TakesValue: false } => null,
            { ValueIsList: true } => JsonSerializer.SerializeToElement(
                text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Scalar).ToList()),
            { Operator: FilterOperator.Equal or FilterOperator.NotEqual or FilterOperator.GreaterThan or FilterOperator.GreaterThanOrEqual
                or FilterOperator.LessThan or FilterOperator.LessThanOrEqual } => Scalar(text),
            _ => JsonSerializer.SerializeToElement(text),
        };
        return new FilterCondition(criterion.Attribute?.Trim() ?? "", criterion.Operator ?? "", value);
    }

    /// <summary>A number or true/false as typed becomes that JSON value (as the API writes it); anything else stays text.</summary>
    private static JsonElement Scalar(string text)
    {
        if (text is "true" or "false" || (text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] == '-')
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out _)
            && !(text.Length > 1 && text[0] == '0' && char.IsAsciiDigit(text[1]))))
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // "1." reads as a decimal but not as JSON: keep it as text.
            }
        }
        return JsonSerializer.SerializeToElement(text);
    }
}
