using System.Globalization;

namespace Inlet.Load;

/// <summary>What to measure; every value has a default, so <c>bench/load.sh</c> alone runs the whole benchmark.</summary>
internal sealed record LoadOptions(string InletDll, string BaselineDll, int Rounds, int Seconds, int WarmupSeconds, int Members, IReadOnlyList<Load> Loads,
    StoreKind Store, string PostgresServer)
{
    /// <summary>The PostgreSQL server when neither <c>--postgres</c> nor <c>INLET_BENCH_POSTGRES</c> names one: a local role that may create databases.</summary>
    private const string LocalPostgres = "Host=127.0.0.1;Username=inlet;Password=inlet";

    /// <summary>Point add at 64 connections, the mixed use cases at 64, then Point add at 1, 16 and 256 connections.</summary>
    private static readonly Load[] AllLoads =
        [new("point-add", 64), new("mixed", 64), new("point-add", 1), new("point-add", 16), new("point-add", 256)];

    public static LoadOptions Parse(string[] args)
    {
        var arguments = new Arguments(args);

        var only = arguments.Value("--loads", "");
        var loads = only.Length == 0 ? AllLoads : [.. only.Split(',').Select(Load.Parse)];
        return new LoadOptions(
            Path.GetFullPath(arguments.Value("--inlet", "bench/out/inlet/Inlet.dll")),
            Path.GetFullPath(arguments.Value("--baseline", "bench/out/baseline/Baseline.dll")),
            arguments.Number("--rounds", 3), arguments.Number("--seconds", 10), arguments.Number("--warmup", 5), arguments.Number("--members", 10_000),
            loads,
            StoreKind.Parse(arguments.Value("--store", StoreKind.Sqlite.Name)),
            arguments.Value("--postgres", Environment.GetEnvironmentVariable("INLET_BENCH_POSTGRES") is { Length: > 0 } server ? server : LocalPostgres));
    }
}

/// <summary>A scenario of <c>load.lua</c> at a number of connections, written <c>point-add@64</c>.</summary>
internal sealed record Load(string Scenario, int Connections)
{
    public static Load Parse(string text)
    {
        var parts = text.Split('@');
        return new Load(parts[0], parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 64);
    }

    public override string ToString() => $"{Scenario}@{Connections}";
}

/// <summary>
/// Where Inlet keeps its events (<c>--store</c>): <c>sqlite</c>, one node on a file; <c>postgres</c>, one node on a PostgreSQL
/// database; <c>postgres-2</c>, two nodes on one database behind nginx, as a deployment with more than one node runs.
/// </summary>
internal sealed record StoreKind(string Name, bool OnPostgres, int Nodes, string Description)
{
    public static readonly StoreKind Sqlite = new("sqlite", false, 1, "SQLite, one node");
    public static readonly StoreKind Postgres = new("postgres", true, 1, "PostgreSQL, one node");
    public static readonly StoreKind PostgresTwoNodes = new("postgres-2", true, 2, "PostgreSQL, two nodes on one database behind nginx");

    public static StoreKind Parse(string name) => new[] { Sqlite, Postgres, PostgresTwoNodes }.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"--store must be sqlite, postgres or postgres-2, not {name}");
}

internal enum Target { Baseline, Inlet }
