using System.Collections.Concurrent;
using Inlet.Webhooks;

namespace Inlet.Ingestion;

/// <summary>
/// The per-webhook rate limits of spec §2 step 7: a fixed window per webhook version, in memory, so each node counts its
/// own requests. A new version of the webhook starts a new window.
/// </summary>
internal sealed class RateLimits(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when the request may go on; otherwise how long the sender should wait.</summary>
    public TimeSpan? Refuse(LiveWebhook webhook)
    {
        if (webhook.Compiled?.Definition.RateLimit is not { } limit)
        {
            return null;
        }
        var window = _windows.AddOrUpdate(webhook.Id,
            _ => new Window(webhook.Version, limit.Requests, TimeSpan.FromSeconds(limit.PerSeconds)),
            (_, existing) => existing.Version == webhook.Version ? existing : new Window(webhook.Version, limit.Requests, TimeSpan.FromSeconds(limit.PerSeconds)));
        return window.Take(clock.GetUtcNow());
    }

    private sealed class Window(int version, int requests, TimeSpan length)
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _start = DateTimeOffset.MinValue;
        private int _taken;

        public int Version { get; } = version;

        public TimeSpan? Take(DateTimeOffset now)
        {
            lock (_lock)
            {
                if (now - _start >= length)
                {
                    (_start, _taken) = (now, 0);
                }
                if (_taken < requests)
                {
                    _taken++;
                    return null;
                }
                return _start + length - now;
            }
        }
    }
}
