namespace Inlet.Tests.Admin;

public sealed class ApiKeyCommandTests(InletApp app) : IClassFixture<InletApp>
{
    [Fact]
    public async Task ACreatedKeyWorksAtOnceAndTheListShowsItWithoutItsSecret()
    {
        var secret = Cli.PrintedSecret((await app.CliAsync("api-keys", "create", "--account", "demo", "--name", "nightly export")).Succeeded());

        var listed = (await app.CliAsync("api-keys", "list", "--account", "demo")).Succeeded();

        await (await app.Api(secret).GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(200);
        var line = Assert.Single(listed.Split(Environment.NewLine), l => l.EndsWith("nightly export", StringComparison.Ordinal));
        Assert.Contains(secret[..10] + "…", line, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdminKeyMadeOnTheCommandLineMayCreateAccounts()
    {
        var secret = Cli.PrintedSecret((await app.CliAsync("api-keys", "create", "--account", "demo", "--name", "ops", "--admin")).Succeeded());

        var created = await app.Api(secret).PostJsonAsync("/api/v1/accounts", """{"id":"cli-by-admin","name":"By admin"}""");

        await created.ShouldBeAsync(201);
    }

    [Fact]
    public async Task ARevokedKeyStopsWorkingAtOnce()
    {
        var created = (await app.CliAsync("api-keys", "create", "--account", "demo", "--name", "to revoke")).Succeeded();
        var secret = Cli.PrintedSecret(created);
        var id = created.Split(' ').Single(word => word.StartsWith("key_", StringComparison.Ordinal));

        var output = (await app.CliAsync("api-keys", "revoke", id, "--account", "demo")).Succeeded();

        Assert.Contains($"Revoked the API key {id}", output, StringComparison.Ordinal);
        await (await app.Api(secret).GetAsync("/api/v1/webhooks", TestContext.Current.CancellationToken)).ShouldBeAsync(401);
    }

    [Fact]
    public async Task RevokingAnUnknownKeyFailsWithOneLine()
    {
        var line = (await app.CliAsync("api-keys", "revoke", "key_nothing", "--account", "demo")).FailedWithOneLine();

        Assert.Equal("The key was not revoked: API key key_nothing does not exist in this account.", line);
    }

    [Fact]
    public async Task TheLastKeyOfAnAccountIsNotRevoked()
    {
        var created = (await app.CliAsync("accounts", "create", "cli-one-key")).Succeeded();
        var id = created.Split(' ').Single(word => word.StartsWith("key_", StringComparison.Ordinal));

        var line = (await app.CliAsync("api-keys", "revoke", id, "--account", "cli-one-key")).FailedWithOneLine();

        Assert.Contains("the account's last API key: create another one before deleting it", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("create", "--name", "x")]
    [InlineData("revoke", "key_x")]
    public async Task AKeyCommandForAnUnknownAccountSaysHowToCreateIt(params string[] command)
    {
        var line = (await app.CliAsync(["api-keys", .. command, "--account", "nowhere"])).FailedWithOneLine();

        Assert.Equal("There is no account 'nowhere': 'Inlet accounts create nowhere' creates it.", line);
    }

    [Fact]
    public async Task AKeyWithoutANameIsRefusedByTheParserWithUsage()
    {
        var run = await app.CliAsync("api-keys", "create", "--account", "demo");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Option '--name' is required.", run.Error, StringComparison.Ordinal);
    }
}
