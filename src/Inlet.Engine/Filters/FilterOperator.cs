using System.Collections.Frozen;
using System.Collections.Immutable;

namespace Inlet.Engine.Filters;

/// <summary>What a filter condition tests (spec §3). The wire name and Backoffice label are in <see cref="FilterOperators"/>.</summary>
public enum FilterOperator
{
    Exists,
    NotExists,
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
    Contains,
    NotContains,
    StartsWith,
    EndsWith,
    In,
    NotIn,
    IsEmpty,
    IsNotEmpty,
    Matches,
}

/// <summary>One operator as the API writes it (<see cref="Name"/>) and the Backoffice shows it (<see cref="Label"/>).</summary>
/// <param name="Operator">The operator as the engine knows it.</param>
/// <param name="Name">The wire name in definitions, e.g. <c>greater_than</c>.</param>
/// <param name="Label">The Backoffice label, e.g. <c>is greater than</c>.</param>
/// <param name="TakesValue">Whether the condition needs a <c>value</c>; the others must have none.</param>
/// <param name="ValueIsList">Whether the value is a JSON list of candidates (<c>in</c>, <c>not_in</c>).</param>
public sealed record FilterOperatorInfo(FilterOperator Operator, string Name, string Label, bool TakesValue, bool ValueIsList);

/// <summary>The table of filter operators, in the order the Backoffice lists them.</summary>
public static class FilterOperators
{
    public static ImmutableArray<FilterOperatorInfo> All { get; } =
    [
        new(FilterOperator.Exists, "exists", "exists", false, false),
        new(FilterOperator.NotExists, "not_exists", "does not exist", false, false),
        new(FilterOperator.Equal, "equals", "equals", true, false),
        new(FilterOperator.NotEqual, "not_equals", "does not equal", true, false),
        new(FilterOperator.GreaterThan, "greater_than", "is greater than", true, false),
        new(FilterOperator.GreaterThanOrEqual, "greater_than_or_equal", "is greater than or equal to", true, false),
        new(FilterOperator.LessThan, "less_than", "is less than", true, false),
        new(FilterOperator.LessThanOrEqual, "less_than_or_equal", "is less than or equal to", true, false),
        new(FilterOperator.Contains, "contains", "contains", true, false),
        new(FilterOperator.NotContains, "not_contains", "does not contain", true, false),
        new(FilterOperator.StartsWith, "starts_with", "starts with", true, false),
        new(FilterOperator.EndsWith, "ends_with", "ends with", true, false),
        new(FilterOperator.In, "in", "is one of", true, true),
        new(FilterOperator.NotIn, "not_in", "is not one of", true, true),
        new(FilterOperator.IsEmpty, "is_empty", "is empty", false, false),
        new(FilterOperator.IsNotEmpty, "is_not_empty", "is not empty", false, false),
        new(FilterOperator.Matches, "matches", "matches regex", true, false),
    ];

    private static readonly FrozenDictionary<string, FilterOperatorInfo> ByName =
        All.ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    /// <summary>The operator with this exact wire name (lower-case, e.g. <c>greater_than</c>), or null.</summary>
    public static FilterOperatorInfo? Find(string? name) => name is not null && ByName.TryGetValue(name, out var info) ? info : null;

    public static FilterOperatorInfo Get(FilterOperator op) => All[(int)op];

    /// <summary>The valid names, for messages: <c>exists, not_exists, ...</c>.</summary>
    public static string NameList { get; } = string.Join(", ", All.Select(o => o.Name));
}
