using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Inlet.Load;

/// <summary>What <c>load.lua</c>'s done() reports: counts, and latencies in microseconds.</summary>
internal sealed record WrkResult(long Requests, long DurationMicros, long Non2xx, long ConnectErrors, long ReadErrors, long WriteErrors, long Timeouts,
    long P50, long P99, long Max)
{
    public double RequestsPerSecond => Requests / (DurationMicros / 1e6);

    public long SocketErrors => ConnectErrors + ReadErrors + WriteErrors + Timeouts;

    /// <summary>Answers with a 2xx status: wrk counts a status of 400 and above as an error.</summary>
    public long Succeeded => Requests - Non2xx;
}

/// <summary>Runs wrk (one thread, so it takes at most one core) with <c>load.lua</c> for a bounded time.</summary>
internal static class Wrk
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<WrkResult> RunAsync(Uri url, Load load, int seconds, int members, string run, CancellationToken stopping)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "-t1", $"-c{load.Connections}", $"-d{seconds}s", "--timeout", "5s",
            "-s", Path.Combine(AppContext.BaseDirectory, "load.lua"), url.ToString(),
            "--", load.Scenario, members.ToString(CultureInfo.InvariantCulture), run,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start: install it (apt-get install wrk)");
        var output = process.StandardOutput.ReadToEndAsync(stopping);
        var errors = process.StandardError.ReadToEndAsync(stopping);
        try
        {
            await process.WaitForExitAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw;
        }
        var line = (await output).Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk reported nothing: {await output}{await errors}");
        return JsonSerializer.Deserialize<WrkResult>(line["RESULT ".Length..], Json)!;
    }
}
