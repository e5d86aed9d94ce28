using Inlet.Accounts;
using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Backoffice;

/// <summary>
/// Backoffice login throttling (spec §8), per user and kept in the store, so every node counts the same attempts. A burst
/// of wrong passwords slows down: from the second, each answer waits a little longer. The fifth locks the user for a
/// minute, and each wrong password after a lock locks again for twice as long, up to fifteen minutes: a guesser gets a
/// handful of tries an hour, and the right user, once the guessing stops, is in again within fifteen minutes at most.
/// A successful login clears the count. While locked, no password is checked, the right one neither.
/// </summary>
internal sealed partial class LoginThrottling(InletDb db, TimeProvider clock, ILogger<LoginThrottling> logger)
{
    public const int FailuresBeforeLock = 5;
    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestLock = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan SlowDownStep = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a claimed attempt holds the others back at most, should its node stop before it is decided.</summary>
    public static readonly TimeSpan InFlight = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Claims one attempt, atomically, so parallel attempts cannot all get past a lock: unless the user is locked, the attempt
    /// is counted, and the fifth in a row (or the first after a lock) holds the others back until it is decided. Null when
    /// the password may be checked; otherwise how long the user stays locked.
    /// </summary>
    public async Task<TimeSpan?> ClaimAsync(User user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? hold = now + InFlight;
        var claimed = await db.Users.Where(u => u.Id == user.Id && (u.LockedUntil == null || u.LockedUntil <= now))
            .ExecuteUpdateAsync(u => u
                .SetProperty(r => r.FailedLogins, r => r.FailedLogins + 1)
                .SetProperty(r => r.LockedUntil, r => r.FailedLogins + 1 >= FailuresBeforeLock ? hold : null), cancellationToken);
        if (claimed == 1)
        {
            return null;
        }
        var until = await db.Users.Where(u => u.Id == user.Id).Select(u => u.LockedUntil).SingleAsync(cancellationToken);
        return until is { } locked && locked > now ? locked - now : InFlight;
    }

    /// <summary>A wrong password for a claimed attempt: the fifth in a row locks the user; before that, the answer slows down.</summary>
    public async Task FailedAsync(User user, CancellationToken cancellationToken)
    {
        var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FailedLogins).SingleAsync(cancellationToken);
        if (failures >= FailuresBeforeLock)
        {
            var lockFor = Lock(failures);
            DateTimeOffset? until = clock.GetUtcNow() + lockFor;
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LockedUntil, until), cancellationToken);
            LogLocked(user.UserName, user.AccountId, failures, lockFor.TotalMinutes);
            return;
        }
        await Task.Delay(SlowDownStep * (failures - 1), clock, cancellationToken);
    }

    /// <summary>The right password: the count starts over (claiming the attempt counted it).</summary>
    public Task SucceededAsync(User user, CancellationToken cancellationToken) =>
        db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.FailedLogins, 0)
            .SetProperty(r => r.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    /// <summary>The lock after the given number of consecutive wrong passwords: 1, 2, 4, 8, then 15 minutes.</summary>
    public static TimeSpan Lock(int failures)
    {
        var doublings = Math.Min(failures - FailuresBeforeLock, 4);
        var minutes = FirstLock.TotalMinutes * (1 << doublings);
        return TimeSpan.FromMinutes(Math.Min(minutes, LongestLock.TotalMinutes));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backoffice user {UserName} of account {AccountId} gave {Failures} wrong passwords in a row and is locked for {Minutes} minutes")]
    private partial void LogLocked(string userName, string accountId, int failures, double minutes);
}
