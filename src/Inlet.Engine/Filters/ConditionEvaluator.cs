using System.Text.Json;
using System.Text.RegularExpressions;
using Inlet.Engine.Paths;
using Inlet.Engine.Webhooks;
using static Inlet.Engine.Filters.FilterComparison;

namespace Inlet.Engine.Filters;

/// <summary>One compiled condition: reads its attribute from the request and applies its operator.</summary>
internal sealed class ConditionEvaluator(AttributePath path, FilterOperatorInfo op, ExpectedValue? expected, Regex? regex) : FilterEvaluator
{
    private const string RegexTimedOut = "regex timed out";
    private const string ComparedAsText = "not a number: compared as text";
    private const string NotComparable = "not a text or a number";

    public override bool Evaluate(WebhookRequest request, ICollection<FilterTraceEntry>? trace)
    {
        var actual = Read(request);
        var result = Apply(actual, out var note);
        trace?.Add(new FilterTraceEntry(path.Text, op.Name, expected?.Json, actual.TraceText(), actual.Found, result, note));
        return result;
    }

    private ActualValue Read(WebhookRequest request)
    {
        if (path.Root == PathRoot.Body)
        {
            return path.TryRead(request.Body, out var element) ? ActualValue.FromBody(element) : ActualValue.Missing;
        }
        return TryReadHeader(request.Headers, path.HeaderName!, out var text) ? ActualValue.FromHeader(text) : ActualValue.Missing;
    }

    private static bool TryReadHeader(IReadOnlyDictionary<string, string>? headers, string name, out string text)
    {
        text = "";
        if (headers is null)
        {
            return false;
        }
        if (headers.TryGetValue(name, out var value))
        {
            text = value ?? "";
            return true;
        }
        if (headers is Dictionary<string, string> { Comparer: var comparer } && comparer == StringComparer.OrdinalIgnoreCase)
        {
            return false;
        }
        // A dictionary built without the case-insensitive comparer: look the name up the slow way.
        foreach (var header in headers)
        {
            if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                text = header.Value ?? "";
                return true;
            }
        }
        return false;
    }

    private bool Apply(in ActualValue actual, out string? note)
    {
        note = null;
        switch (op.Operator)
        {
            case FilterOperator.Exists:
                return actual.Found && actual.Kind != JsonValueKind.Null;
            case FilterOperator.NotExists:
                return !actual.Found || actual.Kind == JsonValueKind.Null;
            case FilterOperator.IsEmpty:
                return actual.IsBlank;
            case FilterOperator.IsNotEmpty:
                return !actual.IsBlank;
            case FilterOperator.Equal:
                return AreEqual(actual, expected!);
            case FilterOperator.NotEqual:
                return !AreEqual(actual, expected!);
            case FilterOperator.In:
                return IsOneOf(actual, expected!);
            case FilterOperator.NotIn:
                return !IsOneOf(actual, expected!);
            case FilterOperator.Contains:
                return Contains(actual, expected!);
            case FilterOperator.NotContains:
                return !Contains(actual, expected!);
            case FilterOperator.StartsWith:
                return actual.IsScalar && actual.Text.StartsWith(expected!.Text, StringComparison.Ordinal);
            case FilterOperator.EndsWith:
                return actual.IsScalar && actual.Text.EndsWith(expected!.Text, StringComparison.Ordinal);
            case FilterOperator.Matches:
                return IsMatch(actual, out note);
            default:
                return Order(actual, out note);
        }
    }

    private bool Order(in ActualValue actual, out string? note)
    {
        if (!TryCompare(actual, expected!, out var order, out var asText))
        {
            note = actual.Found ? NotComparable : null;
            return false;
        }
        note = asText ? ComparedAsText : null;
        return op.Operator switch
        {
            FilterOperator.GreaterThan => order > 0,
            FilterOperator.GreaterThanOrEqual => order >= 0,
            FilterOperator.LessThan => order < 0,
            _ => order <= 0,
        };
    }

    private bool IsMatch(in ActualValue actual, out string? note)
    {
        note = null;
        if (!actual.IsScalar)
        {
            note = actual.Found ? NotComparable : null;
            return false;
        }
        try
        {
            return regex!.IsMatch(actual.Text);
        }
        catch (RegexMatchTimeoutException)
        {
            note = RegexTimedOut;
            return false;
        }
    }
}
