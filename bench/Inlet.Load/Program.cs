using System.Runtime.InteropServices;
using Inlet.Load;
using Inlet.Load.History;

// The load benchmark (docs/performance.md): a bare ASP.NET Core endpoint and Inlet, each started fresh and driven by wrk
// on loopback, in alternating rounds, so both are measured on the same machine in the same minutes. Run it with bench/load.sh.
// Ctrl+C or a kill stops the run in progress through its clean-up, so it leaves no node, nginx or database behind.
using var stopping = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
if (args is ["history", .. var historyArgs])
{
    // The history benchmark (bench/history.sh): a seeded million-row store, read as a user would.
    return await HistoryRun.RunAsync(historyArgs, stopping.Token);
}
var options = LoadOptions.Parse(args);
var postgres = options.Store.OnPostgres ? await PostgresRunStore.SettingsAsync(options.PostgresServer) : null;
var results = new List<RunResult>();
try
{
    foreach (var load in options.Loads)
    {
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var target in new[] { Target.Baseline, Target.Inlet })
            {
                var result = await LoadRun.RunAsync(options, target, load, round, stopping.Token);
                Console.Error.WriteLine(result.Line());
                results.Add(result);
            }
        }
    }
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped before the end: no report.");
    return 130;
}
Console.WriteLine(Report.Markdown(options, postgres, results));
return results.TrueForAll(r => r.EventsMatch) ? 0 : 1;

void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    stopping.Cancel();
}
