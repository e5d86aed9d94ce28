using System.Globalization;

namespace Inlet.Load;

/// <summary>What to measure; every value has a default, so <c>bench/load.sh</c> alone runs the whole benchmark.</summary>
internal sealed record LoadOptions(string InletDll, string BaselineDll, int Rounds, int Seconds, int WarmupSeconds, int Members, IReadOnlyList<Load> Loads)
{
    /// <summary>Point add at 64 connections, the mixed use cases at 64, then Point add at 1, 16 and 256 connections.</summary>
    private static readonly Load[] AllLoads =
        [new("point-add", 64), new("mixed", 64), new("point-add", 1), new("point-add", 16), new("point-add", 256)];

    public static LoadOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var at = Array.IndexOf(args, name);
            return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
        }
        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        var only = Value("--loads", "");
        var loads = only.Length == 0 ? AllLoads : [.. only.Split(',').Select(Load.Parse)];
        return new LoadOptions(
            Path.GetFullPath(Value("--inlet", "bench/out/inlet/Inlet.dll")),
            Path.GetFullPath(Value("--baseline", "bench/out/baseline/Baseline.dll")),
            Number("--rounds", 3), Number("--seconds", 10), Number("--warmup", 5), Number("--members", 10_000), loads);
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

internal enum Target { Baseline, Inlet }
