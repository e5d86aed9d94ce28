using System.Text.RegularExpressions;
using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Accounts;

/// <summary>Creates an account with its first API key (spec §7), for the API and the command line alike.</summary>
internal sealed partial class AccountCreator(InletDb db, WebhookRegistry registry, TimeProvider clock)
{
    public const string FirstKeyName = "first key";
    public const int MaxNameLength = 200;

    public async Task<AccountCreation> CreateAsync(string? id, string? name, CancellationToken cancellationToken)
    {
        var errors = Validate(id, name);
        if (errors.Count > 0)
        {
            return new AccountCreation.Invalid(errors);
        }
        if (await db.Accounts.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return new AccountCreation.Exists(id!);
        }
        var now = clock.GetUtcNow();
        var account = new Account { Id = id!, Name = name!.Trim(), CreatedAt = now };
        var secret = ApiKeySecrets.Generate();
        var key = ApiKeySecrets.Create(account.Id, FirstKeyName, secret, isAdmin: false, now);
        db.Accounts.Add(account);
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced for the same id: the primary key let one through.
            return new AccountCreation.Exists(account.Id);
        }
        // The registry serves only accounts it has loaded: without this, the new account's webhook URLs would answer 404.
        await registry.ReloadAfterChangeAsync(account.Id);
        return new AccountCreation.Created(account, key, secret);
    }

    private static List<ValidationError> Validate(string? id, string? name)
    {
        var errors = new List<ValidationError>();
        if (id is null || !Slug().IsMatch(id))
        {
            errors.Add(new("id", $"'{id}' is not a slug: use 1 to 63 lower-case letters, digits and -, starting with a letter or digit (e.g. acme-eu)"));
        }
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add(new("name", "give the account a name (e.g. \"Acme Europe\")"));
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"use at most {MaxNameLength} characters"));
        }
        return errors;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}

/// <summary>What creating an account came to.</summary>
internal abstract record AccountCreation
{
    private AccountCreation()
    {
    }

    /// <summary>The account and its first key, whose <see cref="Secret"/> is shown this once.</summary>
    public sealed record Created(Account Account, ApiKey Key, string Secret) : AccountCreation;

    public sealed record Invalid(IReadOnlyList<ValidationError> Errors) : AccountCreation;

    public sealed record Exists(string Id) : AccountCreation
    {
        public string Message => $"an account with id {Id} already exists: choose another id";
    }
}
