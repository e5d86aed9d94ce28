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
    /// <summary>Starts the target on a fresh data folder, warms it up, measures, and stops it.</summary>
    public static async Task<RunResult> RunAsync(LoadOptions options, Target target, Load load, int round)
    {
        var folder = Directory.CreateTempSubdirectory("inlet-load-").FullName;
        try
        {
            var inlet = target == Target.Inlet;
            using var server = await Server.StartAsync(inlet ? options.InletDll : options.BaselineDll, folder,
                inlet ? InletSetup.Environment(folder) : new Dictionary<string, string>());
            if (inlet)
            {
                await InletSetup.ConfigureAsync(server.Url, load.Scenario);
            }
            await Wrk.RunAsync(server.Url, load, options.WarmupSeconds, options.Members, $"w{round}");
            var before = inlet ? await InletSetup.CountEventsAsync(folder) : (long?)null;
            var measured = await Wrk.RunAsync(server.Url, load, options.Seconds, options.Members, $"m{round}");
            var after = inlet ? await InletSetup.CountEventsAsync(folder) : (long?)null;
            return new RunResult(target, load, round, measured, server.PeakRssMiB(), after - before);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
