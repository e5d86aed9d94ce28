using System.CommandLine;
using Inlet.Accounts;
using Inlet.Data;
using Microsoft.EntityFrameworkCore;

namespace Inlet.Admin;

/// <summary>
/// <c>inlet users add &lt;name&gt; --account &lt;id&gt;</c> and <c>inlet users reset-password &lt;name&gt;</c>: Backoffice users.
/// A user name is unique across accounts (users sign in with it alone), so resetting a password needs no account.
/// </summary>
internal static class UserCommands
{

    public static Command Users(AdminContext admin)
    {
        var name = new Argument<string>("name") { Description = "The name the user signs in to the Backoffice with" };
        var fromInput = new Option<bool>("--password-stdin")
        {
            Description = $"Read the password from the first line of standard input (at least {Passwords.MinLength} characters) instead of generating one",
        };
        return new Command("users", "Backoffice users: each signs in to one account")
        {
            Add(admin, name, fromInput), ResetPassword(admin, name, fromInput),
        };
    }

    private static Command Add(AdminContext admin, Argument<string> name, Option<bool> fromInput)
    {
        var account = new Option<string>("--account") { HelpName = "id", Description = "The account the user signs in to", Required = true };
        var add = new Command("add", "Add a Backoffice user to an account and print its generated password, once") { name, account, fromInput };
        add.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var (userName, accountId) = (parse.GetRequiredValue(name).Trim(), parse.GetRequiredValue(account));
            if (BackofficeUsers.NameFault(userName) is { } fault)
            {
                return admin.Fail($"The user was not added: {fault}.");
            }
            if (!await admin.AccountExistsAsync(services, accountId, cancellationToken))
            {
                return 1;
            }
            if (await PasswordAsync(admin, parse.GetValue(fromInput)) is not { } password)
            {
                return 1;
            }
            if (await services.GetRequiredService<BackofficeUsers>().AddAsync(accountId, userName, password.Text, cancellationToken) is null)
            {
                return admin.Fail($"The user was not added: there is a user named {userName} already (user names are unique across accounts): choose another name.");
            }
            await admin.Out.WriteLineAsync($"Added the user {userName} to the account {accountId}.");
            return await ShowAsync(admin, password);
        }, cancellationToken));
        return add;
    }

    private static Command ResetPassword(AdminContext admin, Argument<string> name, Option<bool> fromInput)
    {
        var reset = new Command("reset-password", "Give a Backoffice user a new password and print it, once") { name, fromInput };
        reset.SetAction((parse, cancellationToken) => admin.RunAsync(async services =>
        {
            var userName = parse.GetRequiredValue(name).Trim();
            var db = services.GetRequiredService<InletDb>();
            var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken);
            if (user is null)
            {
                return admin.Fail($"There is no user named {userName}: 'Inlet users add {userName} --account <id>' adds one.");
            }
            if (await PasswordAsync(admin, parse.GetValue(fromInput)) is not { } password)
            {
                return 1;
            }
            await services.GetRequiredService<BackofficeUsers>().ResetPasswordAsync(user, password.Text, cancellationToken);
            await admin.Out.WriteLineAsync($"Changed the password of {userName} (account {user.AccountId}).");
            return await ShowAsync(admin, password);
        }, cancellationToken));
        return reset;
    }

    private sealed record Password(string Text, bool Generated);

    /// <summary>The first line of standard input, or a generated password; null, having said why, when the input is unusable.</summary>
    private static async Task<Password?> PasswordAsync(AdminContext admin, bool fromInput)
    {
        if (!fromInput)
        {
            return new Password(Passwords.Generate(), Generated: true);
        }
        var line = await admin.In.ReadLineAsync();
        if (line is null || line.Length < Passwords.MinLength)
        {
            admin.Fail($"The password on standard input is too short: give at least {Passwords.MinLength} characters on its first line.");
            return null;
        }
        return new Password(line, Generated: false);
    }

    private static async Task<int> ShowAsync(AdminContext admin, Password password)
    {
        if (password.Generated)
        {
            await admin.PrintSecretAsync("Password", password.Text);
        }
        return 0;
    }
}
