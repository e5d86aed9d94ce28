using System.Text.Json;

namespace Inlet.Engine.Filters;

/// <summary>
/// The comparison rules of spec §3: numeric when both sides read as numbers, else ordinal on their texts; booleans
/// equal their text in any case; lists compare deeply. Allocation-free beyond reading the value.
/// </summary>
internal static class FilterComparison
{
    public static bool AreEqual(in ActualValue actual, ExpectedValue expected)
    {
        if (expected.Kind == JsonValueKind.Array)
        {
            return actual.Kind == JsonValueKind.Array && actual.Header is null && JsonElement.DeepEquals(actual.Element, expected.Element);
        }
        if (!actual.IsScalar || !expected.IsScalar)
        {
            return false;
        }
        if (actual.IsBoolean || expected.Kind is JsonValueKind.True or JsonValueKind.False)
        {
            // true equals "true" and "TRUE"; a boolean never equals a number.
            return string.Equals(actual.Text, expected.Text, StringComparison.OrdinalIgnoreCase);
        }
        if (actual.IsNumber && expected.IsNumber)
        {
            return actual.Number.CompareTo(expected.Number) == 0;
        }
        return string.Equals(actual.Text, expected.Text, StringComparison.Ordinal);
    }

    /// <summary>Orders the actual value against the expected one; false for missing, null, objects and arrays.</summary>
    public static bool TryCompare(in ActualValue actual, ExpectedValue expected, out int order, out bool asText)
    {
        order = 0;
        asText = false;
        if (!actual.IsScalar || !expected.IsScalar)
        {
            return false;
        }
        if (actual.IsNumber && expected.IsNumber)
        {
            order = actual.Number.CompareTo(expected.Number);
            return true;
        }
        asText = true;
        order = string.CompareOrdinal(actual.Text, expected.Text);
        return true;
    }

    /// <summary>A text's substring, or for a list an element equal to the expected value.</summary>
    public static bool Contains(in ActualValue actual, ExpectedValue expected)
    {
        if (actual.Kind == JsonValueKind.Array && actual.Header is null)
        {
            foreach (var element in actual.Element.EnumerateArray())
            {
                if (AreEqual(ActualValue.FromBody(element), expected))
                {
                    return true;
                }
            }
            return false;
        }
        return actual.IsScalar && expected.IsScalar && actual.Text.Contains(expected.Text, StringComparison.Ordinal);
    }

    public static bool IsOneOf(in ActualValue actual, ExpectedValue expected)
    {
        foreach (var item in expected.Items)
        {
            if (AreEqual(actual, item))
            {
                return true;
            }
        }
        return false;
    }
}
