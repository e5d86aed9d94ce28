using System.Globalization;
using System.Text;

namespace Inlet.Load.History;

/// <summary>The history benchmark's figures in Markdown: over HTTP against a primary-key look-up, and on the store, scan against index.</summary>
internal static class HistoryReport
{
    public static string Markdown(HistoryOptions options, TimeSpan seeding, string? size, List<Timing> http, List<Timing> sql)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            {(options.OnPostgres ? "PostgreSQL" : "SQLite")}: {options.Logs:N0} request logs and {options.Events:N0} events over {options.Days} days, seeded in {seeding.TotalSeconds:0} s{(size is null ? "" : $" ({size})")}; medians of {options.Runs} runs, each ratio against the baseline timed in the same rounds.

            | over HTTP | median | ratio |
            |---|---:|---:|
            """);
        foreach (var t in http)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {t.MedianMs:0.00} ms | {t.Ratio:0.0}× |");
        }
        text.AppendLine().AppendLine("| on the store | median | ratio | plan |").AppendLine("|---|---:|---:|---|");
        foreach (var t in sql)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {t.Name} | {t.MedianMs:0.00} ms | {t.Ratio:0.0}× | `{t.Plan}` |");
        }
        return text.ToString();
    }
}
