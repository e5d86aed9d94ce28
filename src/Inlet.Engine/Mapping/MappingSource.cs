using System.Collections.Immutable;
using System.Text.Json;
using Inlet.Engine.Paths;

namespace Inlet.Engine.Mapping;

/// <summary>
/// Where a mapping reads: one body path, or alternatives written <c>a | b</c> for a sender that spells a field more than one
/// way (mParticle's <c>$FirstName</c> and <c>$firstname</c>). The first alternative that is not missing, null or blank is read.
/// </summary>
internal sealed class MappingSource(string text, ImmutableArray<AttributePath> paths)
{
    /// <summary>
    /// The value of the first path that has one, with that path for the trace; when none has, the first path's value
    /// (missing, null or blank: the default steps in) with the whole text.
    /// </summary>
    public FieldValue Read(JsonElement body, out string path)
    {
        var first = FieldValue.Missing;
        for (var i = 0; i < paths.Length; i++)
        {
            var value = paths[i].TryRead(body, out var read) ? FieldValue.Json(read) : FieldValue.Missing;
            if (!value.IsEmpty)
            {
                path = paths[i].Text;
                return value;
            }
            if (i == 0)
            {
                first = value;
            }
        }
        path = text;
        return first;
    }

    /// <summary>The alternatives of a mapping's from, trimmed: split at each <c>|</c> outside a <c>[key=value]</c> selector.</summary>
    public static List<string> Alternatives(string text)
    {
        var alternatives = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' when depth > 0 => -1, _ => 0 };
            if (text[i] == '|' && depth == 0)
            {
                alternatives.Add(text[start..i].Trim());
                start = i + 1;
            }
        }
        // One path is kept exactly as written, as before alternatives existed.
        alternatives.Add(alternatives.Count == 0 ? text : text[start..].Trim());
        return alternatives;
    }

    public override string ToString() => text;
}
