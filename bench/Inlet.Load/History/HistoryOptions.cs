namespace Inlet.Load.History;

/// <summary>What <c>bench/history.sh</c> seeds and times; every value has a default (a million logs and events over 30 days).</summary>
internal sealed record HistoryOptions(string InletDll, bool OnPostgres, string PostgresServer, int Logs, int Events, int Days, int Runs, bool Keep, bool IngestCost)
{
    public static HistoryOptions Parse(string[] args)
    {
        var arguments = new Arguments(args);

        var store = arguments.Value("--store", "sqlite");
        if (store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store must be sqlite or postgres, not {store}");
        }
        return new HistoryOptions(
            Path.GetFullPath(arguments.Value("--inlet", "bench/out/inlet/Inlet.dll")), store == "postgres",
            arguments.Value("--postgres", LoadOptions.Parse([]).PostgresServer),
            arguments.Number("--logs", 1_000_000), arguments.Number("--events", 1_000_000), arguments.Number("--days", 30), arguments.Number("--runs", 9),
            arguments.Flag("--keep"), arguments.Flag("--ingest-cost"));
    }
}
