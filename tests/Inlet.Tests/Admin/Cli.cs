using Inlet.Admin;

namespace Inlet.Tests.Admin;

/// <summary>What one run of the command line printed, and its exit code.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>Asserts exit code 0, showing what it printed when not; returns its standard output.</summary>
    public string Succeeded()
    {
        Assert.True(ExitCode == 0, $"exit code {ExitCode}: {Error}{Output}");
        return Output;
    }

    /// <summary>Asserts a failure: exit code 1, nothing on standard output, one line on standard error; returns that line.</summary>
    public string FailedWithOneLine()
    {
        Assert.True(ExitCode == 1, $"expected exit code 1, got {ExitCode}: {Output}");
        Assert.Equal("", Output);
        return Assert.Single(Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}

/// <summary>
/// The admin command line (<c>Inlet accounts create …</c>), run in this process as the executable runs it, on the store of
/// an Inlet under test: the same settings the server was started with name it.
/// </summary>
internal static class Cli
{
    public static Task<CliRun> CliAsync(this InletApp app, params string[] args) => RunAsync(app.StoreSettings, "", args);

    /// <summary>The same, with <paramref name="input"/> on standard input.</summary>
    public static Task<CliRun> CliWithInputAsync(this InletApp app, string input, params string[] args) => RunAsync(app.StoreSettings, input, args);

    public static async Task<CliRun> RunAsync(IEnumerable<KeyValuePair<string, string?>> store, string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await AdminCommands.RunAsync(args, new AdminConsole(new StringReader(input), output, error), store);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>The secret (API key or password) a command printed on a line of its own, just before saying to keep it.</summary>
    public static string PrintedSecret(string output)
    {
        var lines = output.Split(Environment.NewLine);
        var reminder = Array.FindIndex(lines, line => line.StartsWith("Keep it now", StringComparison.Ordinal));
        Assert.True(reminder > 0, $"no secret was printed: {output}");
        return lines[reminder - 1].Trim();
    }
}
