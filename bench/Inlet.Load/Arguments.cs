using System.Globalization;

namespace Inlet.Load;

/// <summary>The driver's command line: <c>--name value</c> pairs, each with a default.</summary>
internal sealed class Arguments(string[] args)
{
    public string Value(string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    public bool Flag(string name) => args.Contains(name);
}
