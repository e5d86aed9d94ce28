using System.Globalization;
using System.Text.RegularExpressions;

namespace Inlet.Tests.Telemetry;

/// <summary>One scrape of <c>/metrics</c>, read as Prometheus reads its text: a sample a line, <c>name{label="value",…} value</c>.</summary>
internal sealed partial class Scrape(string text)
{
    public string Text { get; } = text;

    /// <summary>Scrapes as Prometheus does: no credentials.</summary>
    public static async Task<Scrape> TakeAsync(InletApp app)
    {
        var response = await app.Sender().GetAsync("/metrics", TestContext.Current.CancellationToken);
        await response.ShouldBeAsync(200);
        return new Scrape(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>The sum of the samples named <paramref name="name"/> that carry all these labels; 0 when there is none.</summary>
    public double Value(string name, params (string Label, string Value)[] labels) =>
        Samples(name).Where(sample => labels.All(label => sample.Labels.GetValueOrDefault(label.Label) == label.Value)).Sum(sample => sample.Value);

    public bool Has(string name) => Samples(name).Any();

    public IEnumerable<IReadOnlyDictionary<string, string>> LabelSets(string name) => Samples(name).Select(sample => sample.Labels);

    private IEnumerable<(Dictionary<string, string> Labels, double Value)> Samples(string name)
    {
        foreach (var line in Text.Split('\n'))
        {
            if (SampleLine().Match(line) is not { Success: true } sample || sample.Groups["name"].Value != name)
            {
                continue;
            }
            var labels = LabelPair().Matches(sample.Groups["labels"].Value).ToDictionary(pair => pair.Groups[1].Value, pair => pair.Groups[2].Value);
            yield return (labels, double.Parse(sample.Groups["value"].Value, CultureInfo.InvariantCulture));
        }
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>.*)\})? (?<value>[-+0-9.eE]+|NaN)(?: \d+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*,?""")]
    private static partial Regex LabelPair();
}
