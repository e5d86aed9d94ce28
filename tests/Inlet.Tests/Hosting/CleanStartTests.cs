using Inlet.Tests.Writer;

namespace Inlet.Tests.Hosting;

/// <summary>What an operator sees on a first start: nothing to worry about, so that a warning, when there is one, is read.</summary>
public sealed class CleanStartTests : IDisposable
{
    private static readonly string[] WarningOrAbove = ["warn: ", "fail: ", "crit: "];

    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-start-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task AFirstStartOnAnEmptyFolderLogsNoWarning()
    {
        var url = new Uri($"http://127.0.0.1:{InletProcess.FreePort()}");
        // The pruner's first run, in the background at start, says at Debug that it is done: the test waits for it.
        using var inlet = InletProcess.Launch(_folder, url, [("ASPNETCORE_URLS", url.ToString()), ("Logging__LogLevel__Inlet.Logs.LogPruner", "Debug")]);

        await inlet.UntilAnswersAsync("/health/ready");
        await inlet.UntilPrintedAsync(line => line.StartsWith("dbug: Inlet.Logs.LogPruner", StringComparison.Ordinal), "the first pruning run");

        Assert.DoesNotContain(inlet.Output, line => WarningOrAbove.Any(level => line.StartsWith(level, StringComparison.Ordinal)));
    }
}
