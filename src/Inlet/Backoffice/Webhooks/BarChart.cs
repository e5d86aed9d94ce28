using System.Globalization;
using Inlet.Traffic;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// A stacked bar chart drawn on the server as SVG (no script): one bar per span, one segment per series. Its summary is the
/// image's text alternative, and a table beside it carries every number, for a screen reader and for whoever wants them.
/// </summary>
public sealed record BarChart(string Id, string Title, string SpanHeader, IReadOnlyList<string> Series, IReadOnlyList<BarChart.Bar> Bars)
{
    public const double Width = 720, Height = 160;

    public sealed record Bar(string Label, long[] Values)
    {
        public long Total => Values.Sum();
    }

    /// <summary>A segment to draw: its series and its place, in the SVG's units.</summary>
    public sealed record Segment(int Series, double X, double Y, double Width, double Height, string Tooltip);

    public long Max => Bars.Count == 0 ? 0 : Bars.Max(b => b.Total);

    public long Total(int series) => Bars.Sum(b => b.Values[series]);

    /// <summary>The text alternative, after the title: the totals of every series over the whole chart.</summary>
    public string Summary =>
        $"{Bars.Sum(b => b.Total).ToString("N0", CultureInfo.InvariantCulture)} in all — " +
        string.Join(", ", Series.Select((name, i) => $"{Total(i).ToString("N0", CultureInfo.InvariantCulture)} {name}"));

    public IEnumerable<Segment> Segments()
    {
        var max = Math.Max(Max, 1);
        var slot = Width / Math.Max(Bars.Count, 1);
        for (var i = 0; i < Bars.Count; i++)
        {
            var top = Height;
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Bars[i].Values[s];
                if (value == 0)
                {
                    continue;
                }
                var height = value * Height / max;
                top -= height;
                yield return new Segment(s, i * slot + slot * 0.1, top, slot * 0.8, height, $"{Bars[i].Label}: {value} {Series[s]}");
            }
        }
    }

    /// <summary>Requests per span, stacked by outcome.</summary>
    public static BarChart Requests(string id, string title, string spanHeader, IEnumerable<Bucket> buckets, Func<DateTimeOffset, string> label) =>
        new(id, title, spanHeader, [.. ChartOutcomes.All.Select(o => o.Replace('_', ' '))], [.. buckets.Select(b => new Bar(label(b.Start), b.Requests))]);

    /// <summary>Points moved per span: added and subtracted, stacked.</summary>
    public static BarChart Points(string id, string title, string spanHeader, IEnumerable<Bucket> buckets, Func<DateTimeOffset, string> label) =>
        new(id, title, spanHeader, ["points added", "points subtracted"], [.. buckets.Select(b => new Bar(label(b.Start), [b.PointsAdded, b.PointsSubtracted]))]);
}
