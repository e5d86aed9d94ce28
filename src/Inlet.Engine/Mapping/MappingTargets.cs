using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Inlet.Engine.Events;
using Inlet.Engine.Validation;

namespace Inlet.Engine.Mapping;

public static partial class MappingCompiler
{
    /// <summary>Reads a To: <c>customer</c> (empty target) or <c>data.a.b</c> (target a, b); null when invalid.</summary>
    private static ImmutableArray<string>? ParseTarget(string? to, EventType? type, string field, ICollection<ValidationError> errors,
        out AttributeSchema? schema)
    {
        schema = null;
        if (to == "customer")
        {
            schema = CustomerSchema;
            return [];
        }
        if (to is null || !to.StartsWith("data.", StringComparison.Ordinal) || !TargetPattern().IsMatch(to[5..]))
        {
            errors.Add(new(field, $"'{to}' is neither customer nor data.<attribute>: write e.g. customer or data.points"));
            return null;
        }
        var segments = to[5..].Split('.').ToImmutableArray();
        if (type is null)
        {
            return segments;
        }
        schema = type.Attribute(segments[0]);
        if (schema is not null && segments.Length > 1)
        {
            errors.Add(new(field, $"data.{segments[0]} is {AttributeConverter.Describe(schema.Type)}, it has no parts: write data.{segments[0]}"));
            return null;
        }
        if (schema is null && !type.OpenAttributes)
        {
            errors.Add(new(field, $"{type.Name} has no attribute '{segments[0]}'; its attributes are {string.Join(", ", type.Attributes.Select(a => "data." + a.Name))}"));
            return null;
        }
        return segments;
    }

    private static ImmutableArray<string>? ParseItemTarget(string? to, string field, ICollection<ValidationError> errors)
    {
        if (to is null || !TargetPattern().IsMatch(to))
        {
            errors.Add(new(field, $"'{to}' is not an attribute name of a list element: write e.g. product_id"));
            return null;
        }
        return to.Split('.').ToImmutableArray();
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,7}\z", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();
}
