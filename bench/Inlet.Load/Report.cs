using System.Globalization;
using System.Text;

namespace Inlet.Load;

/// <summary>
/// The benchmark's table, in Markdown: medians of the rounds, Inlet as a ratio of the baseline measured alongside; on
/// PostgreSQL, notes on what a commit waited for and how the nodes were measured, without which the figures mislead.
/// </summary>
internal static class Report
{
    public static string Markdown(LoadOptions options, PostgresSettings? postgres, IReadOnlyList<RunResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Inlet on {options.Store.Description} (`--store {options.Store.Name}`). Medians of {options.Rounds} rounds of {options.Seconds} s each " +
            $"(after {options.WarmupSeconds} s of warm-up), {options.Members} members, wrk -t1 on loopback.");
        text.AppendLine();
        text.AppendLine("| load | target | requests/s | ratio | p50 | p99 | socket errors | non-2xx | peak RSS | 2xx → events |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var load in results.GroupBy(r => r.Load))
        {
            var baseline = Median(load.Where(r => r.Target == Target.Baseline).Select(r => r.Wrk.RequestsPerSecond));
            foreach (var target in load.GroupBy(r => r.Target))
            {
                var runs = target.ToList();
                var rate = Median(runs.Select(r => r.Wrk.RequestsPerSecond));
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {load.Key} | {target.Key} | {rate:N0} | {rate / baseline:F3}× | {Millis(runs, r => r.Wrk.P50)} | {Millis(runs, r => r.Wrk.P99)} | " +
                    $"{runs.Sum(r => r.Wrk.SocketErrors)} | {runs.Sum(r => r.Wrk.Non2xx)} | {runs.Max(r => r.PeakRssMiB):F0} MiB | {Events(runs)} |");
            }
        }
        Notes(text, options.Store, postgres);
        return text.ToString();
    }

    private static void Notes(StringBuilder text, StoreKind store, PostgresSettings? postgres)
    {
        if (postgres is not null)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- PostgreSQL {postgres.Version}, a fresh database for each run. With `synchronous_commit=on`, the server default, every commit " +
                $"waits for the WAL flush; this server runs `synchronous_commit={postgres.SynchronousCommit}`, `fsync={postgres.Fsync}`.");
        }
        if (store.Nodes > 1)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"- {store.Nodes} Inlet nodes on one database behind nginx (round robin, kept-alive connections to the nodes, one worker); wrk drives " +
                $"nginx, the baseline is driven directly. Peak RSS is the largest node's; nginx's memory is not counted.");
        }
    }

    private static string Millis(List<RunResult> runs, Func<RunResult, long> micros) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(runs.Select(r => (double)micros(r))) / 1000:F2} ms");

    private static string Events(List<RunResult> runs) => runs[0].Events is null
        ? ""
        : string.Create(CultureInfo.InvariantCulture,
            $"{runs.Sum(r => r.Wrk.Succeeded):N0} → {runs.Sum(r => r.Events ?? 0):N0} {(runs.TrueForAll(r => r.EventsMatch) ? "✓" : "MISMATCH")}");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
