using Inlet.Data;
using Inlet.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Accounts;

/// <summary>
/// The Backoffice users of an account, for the Backoffice's Users page and the command line alike. User names are unique
/// across accounts (a login is by name alone). Every user administers their account; the last one cannot be removed.
/// </summary>
internal sealed class BackofficeUsers(InletDb db, WriteGate gate, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public Task<List<User>> ListAsync(string accountId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.AccountId == accountId).OrderBy(u => u.UserName).ToListAsync(cancellationToken);

    /// <summary>The new user; null when the name is taken (in any account). Check the name with <see cref="NameFault"/> first.</summary>
    public async Task<User?> AddAsync(string accountId, string userName, string password, CancellationToken cancellationToken)
    {
        userName = userName.Trim();
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken))
        {
            return null;
        }
        var user = new User { Id = Ids.New("usr"), AccountId = accountId, UserName = userName, PasswordHash = "", CreatedAt = clock.GetUtcNow() };
        Passwords.Set(user, password);
        db.Users.Add(user);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added at the same moment under the same name.
            db.ChangeTracker.Clear();
            return null;
        }
        return user;
    }

    /// <summary>Gives a (tracked) user a new password and lifts a login lock: the administrator who reset it vouches for them.</summary>
    public async Task ResetPasswordAsync(User user, string password, CancellationToken cancellationToken)
    {
        Passwords.Set(user, password);
        user.FailedLogins = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<string?> RemoveAsync(string accountId, string userId, string signedInUserId, CancellationToken cancellationToken)
    {
        // The check for a last user and the delete take turns with any other removal in the account (on this node, and on every
        // node of a shared PostgreSQL store), so two users removing each other cannot leave the account with none.
        using var turn = await gate.EnterAsync(cancellationToken);
        await using var held = await NodeLocks.TakeAsync(db, NodeLocks.Key("account-access", accountId, ""), cancellationToken);
        var user = await db.Users.FirstOrDefaultAsync(u => u.AccountId == accountId && u.Id == userId, cancellationToken);
        if (user is null)
        {
            return "this user does not exist in this account";
        }
        if (user.Id == signedInUserId)
        {
            return "you cannot remove yourself: ask another user of the account";
        }
        if (!await db.Users.AnyAsync(u => u.AccountId == accountId && u.Id != userId, cancellationToken))
        {
            return "this is the account's last user: add another one before removing it";
        }
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>What is wrong with a user name, or null when it is usable.</summary>
    public static string? NameFault(string? name) => string.IsNullOrWhiteSpace(name) || name.Trim().Length > MaxNameLength
        ? $"give a name of 1 to {MaxNameLength} characters"
        : null;
}
