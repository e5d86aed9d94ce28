using System.Collections.Concurrent;
using Inlet.Logs;
using Microsoft.Extensions.Options;

namespace Inlet.Ingestion;

/// <summary>
/// A flood of requests to endpoints an account does not have (a sender with a wrong URL, a scanner) must not fill the disk
/// with log rows: each account's first <see cref="LogOptions.UnknownEndpointsPerMinute"/> such requests of a minute are
/// logged, as samples; the others are answered the same 404 without a row, counted in /metrics, and summed up in one line
/// of the service's log when the minute is over.
/// </summary>
internal sealed partial class UnknownEndpointSampling(TimeProvider clock, IOptions<LogOptions> options, ILogger<UnknownEndpointSampling> logger)
{
    private readonly ConcurrentDictionary<string, Minute> _minutes = new(StringComparer.Ordinal);

    /// <summary>Whether this request to an unknown endpoint of the account gets a log row.</summary>
    public bool Logs(string accountId)
    {
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var minute = _minutes.AddOrUpdate(accountId, _ => new Minute(now), (_, last) => last.Number == now ? last : Next(accountId, last, now));
        return Interlocked.Increment(ref minute.Requests) <= options.Value.UnknownEndpointsPerMinute;
    }

    private Minute Next(string accountId, Minute last, long now)
    {
        var unlogged = Interlocked.Read(ref last.Requests) - options.Value.UnknownEndpointsPerMinute;
        if (unlogged > 0)
        {
            LogUnlogged(accountId, unlogged, DateTimeOffset.FromUnixTimeSeconds(last.Number * 60));
        }
        return new Minute(now);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Account {AccountId}: {Requests} more requests to unknown endpoints in the minute from {Start:t} UTC were answered 404 without a log row")]
    private partial void LogUnlogged(string accountId, long requests, DateTimeOffset start);

    private sealed class Minute(long number)
    {
        public long Requests;

        public long Number { get; } = number;
    }
}
