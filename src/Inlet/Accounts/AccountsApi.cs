using Inlet.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Inlet.Accounts;

/// <summary><c>POST /api/v1/accounts</c> (spec §7): admin keys create further accounts, each with a first API key.</summary>
internal static class AccountsApi
{
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
        NewAccount request, AccountCreator creator, CancellationToken cancellationToken) =>
        await creator.CreateAsync(request.Id, request.Name, cancellationToken) switch
        {
            // No Location: the API has no URL that reads an account.
            AccountCreation.Created (var account, var key, var secret) => TypedResults.Created((string?)null,
                new CreatedAccount(new AccountView(account.Id, account.Name, account.CreatedAt), ApiKeysApi.CreatedApiKey.From(key, secret))),
            AccountCreation.Invalid invalid => Problems.Invalid(invalid.Errors, "invalid_account", "The account has faults"),
            AccountCreation.Exists exists => Problems.Status(409, "account_exists", exists.Message),
            _ => throw new System.Diagnostics.UnreachableException(),
        };
}
