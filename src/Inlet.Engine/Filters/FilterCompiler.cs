using System.Text.RegularExpressions;
using Inlet.Engine.Paths;
using Inlet.Engine.Validation;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Filters;

/// <summary>Turns a validated filter definition into a <see cref="CompiledFilter"/>: all parsing happens here, none per request.</summary>
public static class FilterCompiler
{
    /// <summary>Compiles <paramref name="filter"/>; a null filter matches every request.</summary>
    /// <param name="filter">A filter without faults, or null.</param>
    /// <param name="regexTimeout">How long one <c>matches</c> condition may run on one request before it counts as no match.</param>
    /// <exception cref="ArgumentException">The filter has faults: run <see cref="FilterValidation.Validate"/> first.</exception>
    public static CompiledFilter Compile(FilterNode? filter, TimeSpan regexTimeout)
    {
        if (regexTimeout <= TimeSpan.Zero && regexTimeout != Regex.InfiniteMatchTimeout)
        {
            throw new ArgumentOutOfRangeException(nameof(regexTimeout), regexTimeout, "The regex timeout must be positive.");
        }
        if (filter is null)
        {
            return CompiledFilter.MatchAll;
        }
        var errors = new List<ValidationError>();
        FilterValidation.Validate(filter, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The filter is not valid, validate it before compiling: {string.Join("; ", errors)}", nameof(filter));
        }
        return new CompiledFilter(CompileNode(filter, regexTimeout));
    }

    private static FilterEvaluator CompileNode(FilterNode node, TimeSpan regexTimeout) => node switch
    {
        FilterGroup group => new GroupEvaluator(
            group.Join == FilterJoin.All, [.. group.Conditions.Select(child => CompileNode(child, regexTimeout))]),
        FilterCondition condition => CompileCondition(condition, regexTimeout),
        _ => throw new ArgumentException($"Unknown filter node {node.GetType().Name}.", nameof(node)),
    };

    private static ConditionEvaluator CompileCondition(FilterCondition condition, TimeSpan regexTimeout)
    {
        var path = AttributePath.ParseAttribute(condition.Attribute).Path!;
        var op = FilterOperators.Find(condition.Operator)!;
        var expected = op.TakesValue ? new ExpectedValue(condition.Value!.Value) : null;
        var regex = op.Operator == FilterOperator.Matches
            ? new Regex(expected!.Text, RegexOptions.CultureInvariant, regexTimeout)
            : null;
        return new ConditionEvaluator(path, op, expected, regex);
    }
}
