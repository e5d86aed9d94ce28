using Inlet.Tests.Writer;

namespace Inlet.Tests.Hosting;

/// <summary>An operator who mistypes a setting learns which one at once, in one line, rather than from a stack trace.</summary>
public sealed class WrongSettingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("Inlet__Store__Provider", "mysql", "Inlet:Store:Provider must be sqlite (one node, the default) or postgres")]
    [InlineData("Inlet__Store__ConnectionString", "Data Source=x.db;Colour=blue", "Inlet:Store:ConnectionString cannot be read")]
    [InlineData("Inlet__Ingestion__MaxBodyBytes", "-1", "Inlet:Ingestion:MaxBodyBytes must be from 1024 to 67108864 bytes")]
    [InlineData("Inlet__Writer__QueueCapacity", "0", "Inlet:Writer:QueueCapacity must be from 1 to 1000000")]
    [InlineData("Inlet__Logs__RetentionDays", "-30", "Inlet:Logs:RetentionDays must be from 1 to 3650")]
    [InlineData("Inlet__Alerts__EvaluateEverySeconds", "0", "Inlet:Alerts:EvaluateEverySeconds must be from 1 to 3600")]
    [InlineData("Inlet__DataProtection__CertificatePath", "/nowhere/keyring.pfx", "Inlet:DataProtection:CertificatePath: /nowhere/keyring.pfx does not exist")]
    public async Task AWrongSettingStopsTheStartWithOneLineNamingIt(string variable, string value, string message)
    {
        var url = new Uri($"http://127.0.0.1:{InletProcess.FreePort()}");
        using var inlet = InletProcess.Launch(_folder, url, [("ASPNETCORE_URLS", url.ToString()), (variable, value)]);

        Assert.Equal(1, await inlet.ExitCodeAsync());
        var errors = inlet.Output.Where(line => line.StartsWith("Inlet cannot start: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(message, Assert.Single(errors), StringComparison.Ordinal);
        Assert.DoesNotContain(inlet.Output, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
