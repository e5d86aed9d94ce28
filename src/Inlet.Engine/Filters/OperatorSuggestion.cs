using System.Collections.Frozen;

namespace Inlet.Engine.Filters;

/// <summary>Guesses which operator a mistyped name meant, only when the guess is obvious; used in validation messages.</summary>
internal static class OperatorSuggestion
{
    private static readonly FrozenDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["="] = "equals", ["=="] = "equals", ["eq"] = "equals",
        ["!="] = "not_equals", ["<>"] = "not_equals", ["ne"] = "not_equals", ["neq"] = "not_equals",
        [">"] = "greater_than", ["gt"] = "greater_than", [">="] = "greater_than_or_equal", ["gte"] = "greater_than_or_equal",
        ["ge"] = "greater_than_or_equal", ["<"] = "less_than", ["lt"] = "less_than", ["<="] = "less_than_or_equal",
        ["lte"] = "less_than_or_equal", ["le"] = "less_than_or_equal", ["nin"] = "not_in", ["regex"] = "matches",
        ["regexp"] = "matches", ["match"] = "matches",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? For(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var key = Normalize(text);
        foreach (var op in FilterOperators.All)
        {
            // Same name or label up to case, spaces and dashes: "Greater Than", "is one of", "not-in".
            if (op.Name == key || Normalize(op.Label) == key || op.Name.Replace("_", "", StringComparison.Ordinal) == key)
            {
                return op.Name;
            }
        }
        if (Aliases.TryGetValue(key, out var alias))
        {
            return alias;
        }
        return ByEditDistance(key) ?? ByPrefix(key);
    }

    private static string Normalize(string text) =>
        text.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    /// <summary>The single name within two edits ("equal", "greaterthan", "contians"); none when two tie.</summary>
    private static string? ByEditDistance(string key)
    {
        if (key.Length < 4)
        {
            return null;
        }
        string? best = null;
        var bestDistance = int.MaxValue;
        var tie = false;
        foreach (var op in FilterOperators.All)
        {
            var distance = EditDistance(key, op.Name);
            if (distance < bestDistance)
            {
                (best, bestDistance, tie) = (op.Name, distance, false);
            }
            else if (distance == bestDistance)
            {
                tie = true;
            }
        }
        return bestDistance <= 2 && !tie ? best : null;
    }

    /// <summary>"greater" → greater_than: the shortest name it starts, when every other name it starts extends that one.</summary>
    private static string? ByPrefix(string key)
    {
        string? shortest = null;
        foreach (var op in FilterOperators.All)
        {
            if (op.Name.StartsWith(key, StringComparison.Ordinal) && (shortest is null || op.Name.Length < shortest.Length))
            {
                shortest = op.Name;
            }
        }
        if (shortest is null || key.Length < 3)
        {
            return null;
        }
        foreach (var op in FilterOperators.All)
        {
            if (op.Name.StartsWith(key, StringComparison.Ordinal) && !op.Name.StartsWith(shortest, StringComparison.Ordinal))
            {
                return null;
            }
        }
        return shortest;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
