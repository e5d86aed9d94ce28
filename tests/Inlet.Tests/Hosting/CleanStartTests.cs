using Inlet.Tests.Writer;

namespace Inlet.Tests.Hosting;

/// <summary>What an operator sees on a first start: nothing to worry about, so that a warning, when there is one, is read.</summary>
public sealed class CleanStartTests : IDisposable
{
    private static readonly string[] WarningOrAbove = ["warn: ", "fail: ", "crit: "];

    // TODO: remove this exception once the Data Protection key ring is encrypted when a certificate is configured and says
    // what protects it otherwise at Information (issue 9): "No XML encryptor configured" is still a warning until then.
    private const string NoXmlEncryptorYet = "Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager[35]";

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

        var warnings = inlet.Output.Where(line => WarningOrAbove.Any(level => line.StartsWith(level, StringComparison.Ordinal))
            && !line.EndsWith(NoXmlEncryptorYet, StringComparison.Ordinal));
        Assert.Empty(warnings);
    }
}
