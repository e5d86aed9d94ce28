using System.CommandLine;
using Inlet.Accounts;

namespace Inlet.Admin;

/// <summary><c>inlet accounts create &lt;id&gt; [--name]</c>: what <c>POST /api/v1/accounts</c> does, without an admin key.</summary>
internal static class AccountCommands
{
    public static Command Accounts(AdminContext admin)
    {
        var id = new Argument<string>("id") { Description = "The account's id: a slug, used in its webhook URLs (e.g. acme-eu)" };
        var name = new Option<string?>("--name") { HelpName = "name", Description = "The account's name, as people read it (default: the id)" };
        var create = new Command("create", "Create an account and print its first API key, once") { id, name };
        create.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var accountId = parse.GetRequiredValue(id);
            var creator = services.GetRequiredService<AccountCreator>();
            switch (await creator.CreateAsync(accountId, parse.GetValue(name) ?? accountId, cancellationToken))
            {
                case AccountCreation.Created created:
                    await admin.Out.WriteLineAsync($"Created the account {created.Account.Id} ({created.Account.Name}).");
                    await admin.PrintSecretAsync($"API key {created.Key.Id} ({created.Key.Name})", created.Secret);
                    return 0;
                case AccountCreation.Invalid invalid:
                    return admin.Fail($"The account was not created: {string.Join("; ", invalid.Errors)}");
                case AccountCreation.Exists exists:
                    return admin.Fail($"The account was not created: {exists.Message}.");
                default:
                    throw new System.Diagnostics.UnreachableException();
            }
        }, cancellationToken));
        return new Command("accounts", "The accounts Inlet serves, one per loyalty program") { create };
    }
}

