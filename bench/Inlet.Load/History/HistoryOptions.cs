using System.Globalization;

namespace Inlet.Load.History;

/// <summary>What <c>bench/history.sh</c> seeds and times; every value has a default (a million logs and events over 30 days).</summary>
internal sealed record HistoryOptions(string InletDll, bool OnPostgres, string PostgresServer, int Logs, int Events, int Days, int Runs, bool Keep, bool IngestCost)
{
    public static HistoryOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var store = Value("--store", "sqlite");
        if (store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store must be sqlite or postgres, not {store}");
        }
        return new HistoryOptions(
            Path.GetFullPath(Value("--inlet", "bench/out/inlet/Inlet.dll")), store == "postgres",
            Value("--postgres", LoadOptions.Parse([]).PostgresServer),
            Number("--logs", 1_000_000), Number("--events", 1_000_000), Number("--days", 30), Number("--runs", 9), args.Contains("--keep"), args.Contains("--ingest-cost"));
    }
}
