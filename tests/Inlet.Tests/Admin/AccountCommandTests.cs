namespace Inlet.Tests.Admin;

public sealed class AccountCommandTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task AccountsCreatePrintsAFirstKeyThatTheApiAccepts()
    {
        var output = (await app.CliAsync("accounts", "create", "cli-acme", "--name", "Acme Europe")).Succeeded();

        Assert.Contains("Created the account cli-acme (Acme Europe).", output, StringComparison.Ordinal);
        Assert.Contains("will not be shown again", output, StringComparison.Ordinal);
        var keys = (await app.Api(Cli.PrintedSecret(output)).GetJsonAsync("/api/v1/api-keys")).AsArray();
        Assert.Equal("first key", Assert.Single(keys)!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnAccountCreatedWithoutANameIsNamedByItsId()
    {
        var output = (await app.CliAsync("accounts", "create", "cli-plain")).Succeeded();

        Assert.Contains("Created the account cli-plain (cli-plain).", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatingAnAccountThatExistsFailsWithOneLineSayingSo()
    {
        var line = (await app.CliAsync("accounts", "create", "demo")).FailedWithOneLine();

        Assert.Equal("The account was not created: an account with id demo already exists: choose another id.", line);
    }

    [Fact]
    public async Task AnAccountIdThatIsNotASlugIsRefusedSayingWhatASlugIs()
    {
        var line = (await app.CliAsync("accounts", "create", "Acme EU")).FailedWithOneLine();

        Assert.Contains("'Acme EU' is not a slug", line, StringComparison.Ordinal);
    }
}
