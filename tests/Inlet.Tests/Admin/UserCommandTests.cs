using Inlet.Tests.Backoffice;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inlet.Tests.Admin;

public sealed class UserCommandTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AnAddedUserSignsInWithThePrintedPassword()
    {
        (await app.CliAsync("accounts", "create", "cli-users")).Succeeded();

        var output = (await app.CliAsync("users", "add", "ana", "--account", "cli-users")).Succeeded();

        Assert.Contains("Added the user ana to the account cli-users.", output, StringComparison.Ordinal);
        Assert.True(await SignInAsync("ana", Cli.PrintedSecret(output)));
    }

    [Fact]
    public async Task APasswordGivenOnStandardInputIsTheOneThatSignsIn()
    {
        var output = (await app.CliWithInputAsync("correct horse battery\n", "users", "add", "bruno", "--account", "demo", "--password-stdin")).Succeeded();

        Assert.DoesNotContain("correct horse battery", output, StringComparison.Ordinal);
        Assert.True(await SignInAsync("bruno", "correct horse battery"));
    }

    [Fact]
    public async Task AResetPasswordReplacesTheOldOne()
    {
        var old = Cli.PrintedSecret((await app.CliAsync("users", "add", "carla", "--account", "demo")).Succeeded());

        var output = (await app.CliAsync("users", "reset-password", "carla")).Succeeded();

        Assert.Contains("Changed the password of carla (account demo).", output, StringComparison.Ordinal);
        Assert.True(await SignInAsync("carla", Cli.PrintedSecret(output)));
        Assert.False(await SignInAsync("carla", old));
    }

    [Fact]
    public async Task AResetPasswordReadsStandardInputWhenAsked()
    {
        (await app.CliWithInputAsync("first-password\n", "users", "reset-password", "admin", "--password-stdin")).Succeeded();

        Assert.True(await SignInAsync("admin", "first-password"));
    }

    [Fact]
    public async Task AShortPasswordOnStandardInputIsRefused()
    {
        var line = (await app.CliWithInputAsync("short\n", "users", "add", "dora", "--account", "demo", "--password-stdin")).FailedWithOneLine();

        Assert.Equal("The password on standard input is too short: give at least 8 characters on its first line.", line);
    }

    [Fact]
    public async Task AUserNameTakenInAnyAccountIsRefused()
    {
        (await app.CliAsync("accounts", "create", "cli-other")).Succeeded();

        var line = (await app.CliAsync("users", "add", "admin", "--account", "cli-other")).FailedWithOneLine();

        Assert.Contains("there is a user named admin already (user names are unique across accounts)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResettingThePasswordOfNoOneFailsWithOneLine()
    {
        var line = (await app.CliAsync("users", "reset-password", "nobody")).FailedWithOneLine();

        Assert.Equal("There is no user named nobody: 'Inlet users add nobody --account <id>' adds one.", line);
    }

    private async Task<bool> SignInAsync(string userName, string password)
    {
        using var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return (await browser.LogInAsync(userName, password)).StatusCode == System.Net.HttpStatusCode.Redirect;
    }
}
