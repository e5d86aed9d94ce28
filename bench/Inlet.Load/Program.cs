using Inlet.Load;

// The load benchmark (docs/performance.md): a bare ASP.NET Core endpoint and Inlet, each started fresh and driven by wrk
// on loopback, in alternating rounds, so both are measured on the same machine in the same minutes. Run it with bench/load.sh.
var options = LoadOptions.Parse(args);
var results = new List<RunResult>();
foreach (var load in options.Loads)
{
    for (var round = 1; round <= options.Rounds; round++)
    {
        foreach (var target in new[] { Target.Baseline, Target.Inlet })
        {
            var result = await LoadRun.RunAsync(options, target, load, round);
            Console.Error.WriteLine(result.Line());
            results.Add(result);
        }
    }
}
Console.WriteLine(Report.Markdown(options, results));
return results.TrueForAll(r => r.EventsMatch) ? 0 : 1;
