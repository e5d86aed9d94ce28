using Inlet.Accounts;
using Inlet.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

/// <summary>First start (spec §7): with an empty store, create the demo account, its API key and the Backoffice administrator.</summary>
internal sealed class Bootstrap(InletDb db, IOptions<BootstrapOptions> options, TimeProvider clock)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (await db.Accounts.AnyAsync(cancellationToken))
        {
            return;
        }
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var apiKey = settings.ApiKey ?? ApiKeySecrets.Generate();
        var password = settings.AdminPassword ?? Passwords.Generate();
        db.Accounts.Add(new Account { Id = settings.AccountId, Name = settings.AccountName, CreatedAt = now });
        db.ApiKeys.Add(ApiKeySecrets.Create(settings.AccountId, "bootstrap", apiKey, isAdmin: true, now));
        var user = new User { Id = Ids.New("usr"), AccountId = settings.AccountId, UserName = settings.AdminUser, PasswordHash = "", CreatedAt = now };
        Passwords.Set(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);

        // Printed once, on purpose not through the logger: secrets never go to the logs.
        Console.WriteLine($"""

            Inlet created the account '{settings.AccountId}'.
              API key:          {(settings.ApiKey is null ? apiKey : "(as configured in Inlet:Bootstrap:ApiKey)")}
              Backoffice login: {settings.AdminUser} / {(settings.AdminPassword is null ? password : "(as configured in Inlet:Bootstrap:AdminPassword)")}
            Keep them now: they are stored hashed and will not be shown again.

            """);
    }
}
