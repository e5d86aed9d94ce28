using System.Collections.Immutable;
using Inlet.Engine.Webhooks;

namespace Inlet.Engine.Filters;

/// <summary>
/// A filter ready to run: paths parsed, expected values read and regexes built once by <see cref="FilterCompiler"/>.
/// Immutable and safe to share between requests and threads.
/// </summary>
public sealed class CompiledFilter
{
    private readonly FilterEvaluator? _root;

    internal CompiledFilter(FilterEvaluator? root) => _root = root;

    /// <summary>The filter of a webhook that has none: every request matches.</summary>
    public static CompiledFilter MatchAll { get; } = new(null);

    /// <summary>
    /// Whether the request passes the filter. Never throws for any headers or body; a regex that times out does not match.
    /// With a <paramref name="trace"/>, every condition is evaluated (no short-circuit) and adds one entry, in definition order.
    /// </summary>
    public bool Matches(WebhookRequest request, ICollection<FilterTraceEntry>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _root is null || _root.Evaluate(request, trace);
    }
}

/// <summary>A compiled group or condition.</summary>
internal abstract class FilterEvaluator
{
    public abstract bool Evaluate(WebhookRequest request, ICollection<FilterTraceEntry>? trace);
}

/// <summary>An <c>all</c> or <c>any</c> group; a group with no conditions matches every request.</summary>
internal sealed class GroupEvaluator(bool all, ImmutableArray<FilterEvaluator> children) : FilterEvaluator
{
    public override bool Evaluate(WebhookRequest request, ICollection<FilterTraceEntry>? trace)
    {
        if (children.IsEmpty)
        {
            return true;
        }
        if (trace is null)
        {
            foreach (var child in children)
            {
                if (child.Evaluate(request, null) != all)
                {
                    return !all;
                }
            }
            return all;
        }
        // Tracing evaluates every child so the trace lists every condition.
        var result = all;
        foreach (var child in children)
        {
            var childResult = child.Evaluate(request, trace);
            result = all ? result && childResult : result || childResult;
        }
        return result;
    }
}
