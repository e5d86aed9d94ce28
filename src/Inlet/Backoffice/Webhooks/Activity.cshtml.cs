using System.Globalization;
using Inlet.Traffic;
using Inlet.Data;
using Microsoft.AspNetCore.Mvc;

namespace Inlet.Backoffice.Webhooks;

/// <summary>
/// A webhook's Activity tab: requests per hour over the last 24 hours and per day over the last 30, stacked by outcome, and
/// the points its events moved per day, from the rollups the writer keeps (so as fast on a year of logs as on a day).
/// </summary>
public sealed class ActivityModel : BackofficePage
{
    public string Id { get; private set; } = "";

    public string? Name { get; private set; }

    public IReadOnlyList<BarChart> Charts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var db = Get<InletDb>();
        var accountId = AccountId;
        Name = await WebhookNameAsync(id);
        if (Name is null)
        {
            return NotFound();
        }
        Id = id;
        var now = Get<TimeProvider>().GetUtcNow();
        var hours = await TrafficQueries.SpansAsync(db, accountId, id, now, TimeSpan.FromHours(1), 24, Aborted);
        var days = await TrafficQueries.SpansAsync(db, accountId, id, now, TimeSpan.FromDays(1), 30, Aborted);
        Charts =
        [
            BarChart.Requests("hourly", "Requests per hour, last 24 hours", "Hour (UTC)", hours, Label("HH:00")),
            BarChart.Requests("daily", "Requests per day, last 30 days", "Day (UTC)", days, Label("MMM d")),
            BarChart.Points("points", "Points moved per day, last 30 days", "Day (UTC)", days, Label("MMM d")),
        ];
        return Page();
    }

    private static Func<DateTimeOffset, string> Label(string format) => start => start.ToString(format, CultureInfo.InvariantCulture);
}
