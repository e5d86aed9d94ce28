using Inlet.Tests.Writer;

namespace Inlet.Tests.Admin;

/// <summary>The command line as an operator meets it: the Inlet executable, given a command, runs it and exits.</summary>
public sealed class CommandLineProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-cli-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task HelpListsEveryCommandAndExitsZero()
    {
        using var inlet = Run("--help");

        Assert.Equal(0, await inlet.ExitCodeAsync());
        var help = string.Join('\n', inlet.Output);
        foreach (var command in new[] { "migrate", "accounts", "api-keys", "users", "export", "import <file>", "prune-logs" })
        {
            Assert.Contains($"  {command} ", help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task EachCommandHasItsHelp()
    {
        using var inlet = Run("import", "--help");

        Assert.Equal(0, await inlet.ExitCodeAsync());
        Assert.Contains(inlet.Output, line => line.Contains("--dry-run", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailedCommandExitsOneWithALineSayingWhy()
    {
        using (var migrate = Run("migrate"))
        {
            Assert.Equal(0, await migrate.ExitCodeAsync());
        }

        using var inlet = Run("api-keys", "list", "--account", "nowhere");

        Assert.Equal(1, await inlet.ExitCodeAsync());
        Assert.Equal(["There is no account 'nowhere': 'Inlet accounts create nowhere' creates it."], inlet.Output);
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageErrorThatExitsOne()
    {
        using var inlet = Run("migrate", "--colour", "blue");

        Assert.Equal(1, await inlet.ExitCodeAsync());
        Assert.Contains(inlet.Output, line => line.Contains("Unrecognized command or argument '--colour'", StringComparison.Ordinal));
    }

    /// <summary>Inlet on a SQLite store in this test's folder (the process tests run on SQLite in either pass), with these arguments.</summary>
    private InletProcess Run(params string[] arguments) => InletProcess.Launch(_folder, new Uri("http://127.0.0.1:1"), [], arguments);
}
