using System.CommandLine;
using Inlet.Accounts;

namespace Inlet.Admin;

/// <summary><c>inlet api-keys create|list|revoke --account &lt;id&gt;</c>: an account's API keys, as the API manages them.</summary>
internal static class ApiKeyCommands
{
    public static Command ApiKeys(AdminContext admin)
    {
        var account = new Option<string>("--account") { HelpName = "id", Description = "The account's id", Required = true };
        return new Command("api-keys", "An account's API keys: only their hashes are stored")
        {
            Create(admin, account), List(admin, account), Revoke(admin, account),
        };
    }

    private static Command Create(AdminContext admin, Option<string> account)
    {
        var name = new Option<string>("--name") { HelpName = "name", Description = "What the key is for, e.g. \"shop integration\"", Required = true };
        var isAdmin = new Option<bool>("--admin") { Description = "An admin key, which may also create accounts over the API" };
        var create = new Command("create", "Create an API key and print its secret, once") { account, name, isAdmin };
        create.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var accountId = parse.GetRequiredValue(account);
            if (ApiKeyIssuer.NameFault(parse.GetValue(name)) is { } fault)
            {
                return admin.Fail($"The key was not created: --name: {fault}.");
            }
            if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
            {
                return 1;
            }
            var issuer = services.GetRequiredService<ApiKeyIssuer>();
            var (key, secret) = await issuer.CreateAsync(accountId, parse.GetValue(name), parse.GetValue(isAdmin), cancellationToken);
            await admin.PrintSecretAsync($"Created the {(key.IsAdmin ? "admin " : "")}API key {key.Id} ({key.Name}) of the account {accountId}", secret);
            return 0;
        }, cancellationToken));
        return create;
    }

    private static Command List(AdminContext admin, Option<string> account)
    {
        var list = new Command("list", "List the account's API keys: id, the secret's first characters, admin or not, created, name") { account };
        list.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var accountId = parse.GetRequiredValue(account);
            if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
            {
                return 1;
            }
            foreach (var key in await services.GetRequiredService<ApiKeyIssuer>().ListAsync(accountId, cancellationToken))
            {
                await admin.Out.WriteLineAsync($"{key.Id}  {key.Prefix}…  {(key.IsAdmin ? "admin" : "-    ")}  {key.CreatedAt:yyyy-MM-dd HH:mm}  {key.Name}");
            }
            return 0;
        }, cancellationToken));
        return list;
    }

    private static Command Revoke(AdminContext admin, Option<string> account)
    {
        var id = new Argument<string>("key-id") { Description = "The key's id, as api-keys list shows it (key_…)" };
        var revoke = new Command("revoke", "Delete an API key: it stops working at once. The account's last key stays") { id, account };
        revoke.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var (accountId, keyId) = (parse.GetRequiredValue(account), parse.GetRequiredValue(id));
            if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
            {
                return 1;
            }
            // Whoever runs the command line holds the store: they may revoke admin keys too.
            var revocation = await services.GetRequiredService<ApiKeyIssuer>().RevokeAsync(accountId, keyId, byAdmin: true, cancellationToken);
            if (revocation != Revocation.Revoked)
            {
                return admin.Fail($"The key was not revoked: {revocation.Explain(keyId)}.");
            }
            await admin.Out.WriteLineAsync($"Revoked the API key {keyId} of the account {accountId}.");
            return 0;
        }, cancellationToken));
        return revoke;
    }
}
