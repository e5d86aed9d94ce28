using System.Globalization;

namespace Inlet.Load;

/// <summary>One measured run of one target: wrk's figures, the peak memory, and the events Inlet stored meanwhile.</summary>
internal sealed record RunResult(Target Target, Load Load, int Round, WrkResult Wrk, double PeakRssMiB, long? Events)
{
    /// <summary>
    /// Every 2xx became an event; at most one event per connection more, for requests in flight when wrk stopped (their
    /// answers were not counted, their events may be stored).
    /// </summary>
    public bool EventsMatch => Events is not { } events || (events >= Wrk.Succeeded && events <= Wrk.Succeeded + Load.Connections);

    public string Line()
    {
        var events = Events is { } stored ? $"  2xx {Wrk.Succeeded} events {stored}{(EventsMatch ? "" : "  MISMATCH")}" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Load,-14} round {Round} {Target,-8} {Wrk.RequestsPerSecond,9:F0} req/s  p50 {Wrk.P50 / 1000.0,7:F2} ms  p99 {Wrk.P99 / 1000.0,7:F2} ms  errors {Wrk.SocketErrors}  non-2xx {Wrk.Non2xx}  peak RSS {PeakRssMiB:F0} MiB{events}");
    }
}

internal static class LoadRun
{
    /// <summary>
    /// Starts the target on a fresh store and folder, warms it up, measures, and stops it; the store goes with the run
    /// whatever happens, after the nodes that wrote to it.
    /// </summary>
    public static async Task<RunResult> RunAsync(LoadOptions options, Target target, Load load, int round, CancellationToken stopping)
    {
        var folder = Directory.CreateTempSubdirectory("inlet-load-").FullName;
        try
        {
            await using var store = target == Target.Inlet ? await RunStore.CreateAsync(options, folder) : null;
            using var app = store is null
                ? await Deployment.StartAsync(options.BaselineDll, folder, new Dictionary<string, string>(), 1, stopping)
                : await Deployment.StartAsync(options.InletDll, folder, InletSetup.Environment(store), options.Store.Nodes, stopping);
            if (store is not null)
            {
                await InletSetup.ConfigureAsync(app.Url, load.Scenario);
            }
            await Wrk.RunAsync(app.Url, load, options.WarmupSeconds, options.Members, $"w{round}", stopping);
            var before = store is null ? (long?)null : await InletSetup.CountEventsAsync(store, stopping);
            var measured = await Wrk.RunAsync(app.Url, load, options.Seconds, options.Members, $"m{round}", stopping);
            var after = store is null ? (long?)null : await InletSetup.CountEventsAsync(store, stopping);
            return new RunResult(target, load, round, measured, app.PeakRssMiB(), after - before);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
