using System.Diagnostics;

namespace Inlet.Load.History;

/// <summary>
/// Times named queries in rounds, each round running every query once in turn, so a noisy minute slows them all alike; the
/// first query is the baseline the others are divided by.
/// </summary>
internal static class Medians
{
    public static async Task<List<Timing>> TimeAsync(IReadOnlyList<(string Name, Func<Task> Run)> queries, int warmups, int runs, CancellationToken stopping)
    {
        var times = queries.Select(_ => new List<double>()).ToList();
        for (var round = 0; round < warmups + runs; round++)
        {
            for (var q = 0; q < queries.Count; q++)
            {
                stopping.ThrowIfCancellationRequested();
                var watch = Stopwatch.StartNew();
                await queries[q].Run();
                if (round >= warmups)
                {
                    times[q].Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        var baseline = Median(times[0]);
        return [.. queries.Select((query, q) => new Timing(query.Name, Median(times[q]), Median(times[q]) / baseline))];
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

internal sealed record Timing(string Name, double MedianMs, double Ratio, string? Plan = null);
