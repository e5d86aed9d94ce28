using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Inlet.Engine.Validation;

namespace Inlet.Backoffice.Webhooks;

/// <summary>One fault, under the name of the input it concerns (<c>Form.Mappings[1].From</c>; empty for the whole webhook).</summary>
public sealed record FormError(string Key, string Label, string Message);

/// <summary>
/// The faults of a submitted form, each under the nearest input the page shows: the validator's definition paths are
/// translated through the conversion's row map, then cut back (<c>.value[2]</c> → <c>.Value</c>) until they name an input.
/// </summary>
public sealed partial class FormErrors
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["Criteria"] = "Criterion", ["Groups"] = "Group", ["Mappings"] = "Mapping", ["Replace"] = "Replace value", ["With"] = "New value",
        ["Join"] = "All/Any", ["FilterJson"] = "Filter (JSON)", ["FilterMismatchStatus"] = "Status when filtered out", ["Filter"] = "Filters",
        ["Response"] = "Response", ["Verification"] = "Verification", ["RateLimit"] = "Rate limit", ["PerSeconds"] = "Per seconds",
        ["RedactBodyPaths"] = "Redact body paths", ["Items"] = "Item field",
    };

    private readonly List<FormError> _all = [];

    public IReadOnlyList<FormError> All => _all;

    public bool Any => _all.Count > 0;

    public IEnumerable<string> For(string key) => _all.Where(e => e.Key == key).Select(e => e.Message);

    public bool Has(string key) => _all.Any(e => e.Key == key);

    /// <summary><c>aria-invalid</c> of the input named <paramref name="key"/>: "true", or null (no attribute) when it is fine.</summary>
    public string? Invalid(string key) => Has(key) ? "true" : null;

    /// <summary><c>aria-describedby</c> of the input: its error message, when it has one.</summary>
    public string? DescribedBy(string key) => Has(key) ? Id(key) + "-error" : null;

    /// <summary>The error messages of the input, to write right after it.</summary>
    public IHtmlContent Message(string key) => Has(key)
        ? new HtmlString($"<p class=\"field-error\" id=\"{Id(key)}-error\">{HtmlEncoder.Default.Encode(string.Join(" ", For(key)))}</p>")
        : HtmlString.Empty;

    /// <summary>The id of the input named <paramref name="key"/>, as the page writes it.</summary>
    public static string Id(string key) => NotIdChars().Replace(key, "_");

    internal void Add(string key, string message) => _all.Add(new(key, Label(key), message));

    internal static FormErrors From(IEnumerable<ValidationError> errors, IReadOnlyDictionary<string, string> paths, WebhookForm form)
    {
        var inputs = Inputs(form);
        var result = new FormErrors();
        foreach (var error in errors)
        {
            var key = error.Field.StartsWith("Form", StringComparison.Ordinal) ? error.Field : Translate(error.Field, paths);
            while (!inputs.Contains(key) && key.Length > 0)
            {
                var cut = key.LastIndexOfAny(['.', '[']);
                key = cut <= 0 ? "" : key[..cut];
            }
            result.Add(key, key.Length == 0 && error.Field.Length > 0 ? $"{error.Field}: {error.Message}" : error.Message);
        }
        return result;
    }

    /// <summary><c>filter.all[2].any[0].value</c> through the row map; the rest by case (<c>response.success</c> → <c>Form.Response.Success</c>).</summary>
    private static string Translate(string field, IReadOnlyDictionary<string, string> paths)
    {
        var prefix = paths.Keys.Where(p => field == p || field.StartsWith(p + ".", StringComparison.Ordinal) || field.StartsWith(p + "[", StringComparison.Ordinal))
            .MaxBy(p => p.Length);
        var (head, rest) = prefix is null ? ("Form", field.Length == 0 ? "" : "." + field) : (paths[prefix], field[prefix.Length..]);
        if (prefix is null && field.StartsWith("filter", StringComparison.Ordinal))
        {
            return "Form.Filter";
        }
        return head + Segment().Replace(rest, m => m.Groups[1].Value + char.ToUpperInvariant(m.Groups[2].Value[0]) + m.Groups[2].Value[1..]);
    }

    /// <summary>Every key the page shows an error beside.</summary>
    private static HashSet<string> Inputs(WebhookForm form)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal)
        {
            "Form.Name", "Form.Method", "Form.Endpoint", "Form.Join", "Form.Filter", "Form.FilterJson", "Form.FilterMismatchStatus", "Form.Action",
            "Form.Mappings", "Form.Response.Success", "Form.Response.Error", "Form.Verification",
            "Form.RateLimit", "Form.RateLimit.Requests", "Form.RateLimit.PerSeconds", "Form.RedactBodyPaths", "Form.Transform.Code",
        };
        foreach (var field in new[] { "Type", "Header", "Secret", "PreviousSecret", "Username", "Password", "Algorithm", "Encoding", "Prefix" })
        {
            keys.Add($"Form.Verification.{field}");
        }
        void Criteria(string prefix, int count)
        {
            for (var i = 0; i < count; i++)
            {
                keys.UnionWith([$"{prefix}[{i}]", $"{prefix}[{i}].Attribute", $"{prefix}[{i}].Operator", $"{prefix}[{i}].Value"]);
            }
        }
        Criteria("Form.Criteria", form.Criteria.Count);
        for (var g = 0; g < form.Groups.Count; g++)
        {
            keys.UnionWith([$"Form.Groups[{g}]", $"Form.Groups[{g}].Join"]);
            Criteria($"Form.Groups[{g}].Criteria", form.Groups[g].Criteria.Count);
        }
        for (var i = 0; i < form.Mappings.Count; i++)
        {
            keys.UnionWith([$"Form.Mappings[{i}]", $"Form.Mappings[{i}].From", $"Form.Mappings[{i}].To", $"Form.Mappings[{i}].Default"]);
            for (var j = 0; j < form.Mappings[i].Replace.Count; j++)
            {
                keys.UnionWith([$"Form.Mappings[{i}].Replace[{j}]", $"Form.Mappings[{i}].Replace[{j}].Value", $"Form.Mappings[{i}].Replace[{j}].With"]);
            }
            keys.Add($"Form.Mappings[{i}].Items");
            for (var k = 0; k < form.Mappings[i].Items.Count; k++)
            {
                var item = $"Form.Mappings[{i}].Items[{k}]";
                keys.UnionWith([item, $"{item}.From", $"{item}.To", $"{item}.Default"]);
            }
        }
        return keys;
    }

    /// <summary>"Mapping 2 › From" for <c>Form.Mappings[1].From</c>.</summary>
    private static string Label(string key) => key.Length == 0
        ? "Webhook"
        : string.Join(" › ", IndexedSegment().Matches(key).Skip(1).Select(m =>
        {
            var name = Labels.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value);
            return m.Groups[2].Success ? $"{name} {int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}" : name;
        }));

    [GeneratedRegex(@"[^A-Za-z0-9_-]")]
    private static partial Regex NotIdChars();

    [GeneratedRegex(@"(^|\.)([a-z])")]
    private static partial Regex Segment();

    [GeneratedRegex(@"(\w+)(?:\[(\d+)\])?")]
    private static partial Regex IndexedSegment();
}
