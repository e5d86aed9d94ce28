using System.Text;
using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Logs;

/// <summary>
/// A log search by body text, through each store's trigram index rather than a scan: SQLite's FTS5 table
/// <c>RequestLogsText</c> (trigram tokenizer, case-sensitive, kept by triggers on <c>RequestLogs</c>), PostgreSQL's
/// <c>pg_trgm</c> GIN index on <c>Body</c>. Both find an exact, case-sensitive substring, as a scan would.
/// </summary>
internal static class LogText
{
    /// <summary>A trigram index finds nothing shorter than three characters, so shorter text is refused rather than scanned for.</summary>
    public const int MinLength = 3;

    /// <summary>Whether <paramref name="text"/> is long enough to search for: counted in characters (code points), as the index counts them.</summary>
    public static bool Searchable(string text) => text.EnumerateRunes().Count() >= MinLength;

    public static IQueryable<RequestLogRow> Containing(this IQueryable<RequestLogRow> logs, InletDb db, string text)
    {
        if (db.Database.IsSqlite())
        {
            // The FTS5 table finds the candidates; GLOB, checked again on each, is the exact, case-sensitive substring.
            var pattern = $"*{GlobLiteral(text)}*";
            var ids = db.Database.SqlQuery<string>($"""
                SELECT "Id" AS "Value" FROM "RequestLogs"
                WHERE rowid IN (SELECT rowid FROM "RequestLogsText" WHERE "Body" GLOB {pattern})
                """);
            return logs.Where(l => ids.Contains(l.Id));
        }
        return logs.Where(l => EF.Functions.Like(l.Body!, $"%{LikeLiteral(text)}%", @"\"));
    }

    /// <summary>GLOB has no escape character: a wildcard character matches itself inside brackets.</summary>
    private static string GlobLiteral(string text)
    {
        var literal = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            literal.Append(c is '*' or '?' or '[' ? $"[{c}]" : c);
        }
        return literal.ToString();
    }

    private static string LikeLiteral(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);
}
