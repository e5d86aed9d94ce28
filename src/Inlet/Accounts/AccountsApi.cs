using System.Text.RegularExpressions;
using Inlet.Data;
using Inlet.Engine.Validation;
using Inlet.Hosting;
using Inlet.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Accounts;

/// <summary><c>POST /api/v1/accounts</c> (spec §7): admin keys create further accounts, each with a first API key.</summary>
internal static partial class AccountsApi
{
    public const string FirstKeyName = "first key";
    public const int MaxNameLength = 200;

    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        api.MapPost("/accounts", CreateAsync).RequireAuthorization("admin").WithTags("Accounts").WithName("CreateAccount")
            .WithSummary("Create an account (admin keys only); the answer holds its first API key, whose secret is not shown again");
        return api;
    }

    internal sealed record NewAccount(string? Id, string? Name);

    internal sealed record AccountView(string Id, string Name, DateTimeOffset CreatedAt);

    internal sealed record CreatedAccount(AccountView Account, ApiKeysApi.CreatedApiKey ApiKey);

    private static async Task<Results<Created<CreatedAccount>, ProblemHttpResult>> CreateAsync(
        NewAccount request, InletDb db, WebhookRegistry registry, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, "invalid_account", "The account has faults");
        }
        var id = request.Id!;
        if (await db.Accounts.AnyAsync(a => a.Id == id, cancellationToken))
        {
            return AccountExists(id);
        }
        var now = clock.GetUtcNow();
        var account = new Account { Id = id, Name = request.Name!.Trim(), CreatedAt = now };
        var secret = ApiKeySecrets.Generate();
        var key = ApiKeySecrets.Create(id, FirstKeyName, secret, isAdmin: false, now);
        db.Accounts.Add(account);
        db.ApiKeys.Add(key);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two requests raced for the same id: the primary key let one through.
            return AccountExists(id);
        }
        // The registry serves only accounts it has loaded: without this, the new account's webhook URLs would answer 404.
        await registry.ReloadAfterChangeAsync(id);
        // No Location: the API has no URL that reads an account.
        return TypedResults.Created((string?)null, new CreatedAccount(new AccountView(account.Id, account.Name, account.CreatedAt), ApiKeysApi.CreatedApiKey.From(key, secret)));
    }

    private static List<ValidationError> Validate(NewAccount request)
    {
        var errors = new List<ValidationError>();
        if (request.Id is null || !Slug().IsMatch(request.Id))
        {
            errors.Add(new("id", $"'{request.Id}' is not a slug: use 1 to 63 lower-case letters, digits and -, starting with a letter or digit (e.g. acme-eu)"));
        }
        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new("name", "give the account a name (e.g. \"Acme Europe\")"));
        }
        else if (request.Name.Trim().Length > MaxNameLength)
        {
            errors.Add(new("name", $"use at most {MaxNameLength} characters"));
        }
        return errors;
    }

    private static ProblemHttpResult AccountExists(string id) =>
        Problems.Status(409, "account_exists", $"an account with id {id} already exists: choose another id");

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Slug();
}
