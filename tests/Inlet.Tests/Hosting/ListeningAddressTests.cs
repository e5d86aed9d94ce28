using System.Globalization;
using Inlet.Hosting;
using Inlet.Tests.Writer;

namespace Inlet.Tests.Hosting;

/// <summary>Inlet listens where ASP.NET Core's usual settings say (spec §12), and on http://localhost:5080 only when none does.</summary>
public sealed class ListeningAddressTests : IDisposable
{
    private const string ListeningOn = "Now listening on: ";

    private readonly string _folder = Directory.CreateTempSubdirectory("inlet-urls-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("ASPNETCORE_URLS")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("--urls")]
    [InlineData("Kestrel__Endpoints__Http__Url")]
    public async Task InletAnswersOnThePortTheSettingNamesAndNowhereElse(string setting)
    {
        var port = InletProcess.FreePort();
        var url = new Uri($"http://127.0.0.1:{port}");
        using var inlet = setting switch
        {
            "--urls" => InletProcess.Launch(_folder, url, [], "--urls", url.ToString()),
            "ASPNETCORE_HTTP_PORTS" => InletProcess.Launch(_folder, url, [(setting, port.ToString(CultureInfo.InvariantCulture))]),
            _ => InletProcess.Launch(_folder, url, [(setting, url.ToString())]),
        };

        await inlet.UntilAnswersAsync("/health/live");

        var addresses = inlet.Output.Where(line => line.Contains(ListeningOn, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(addresses);
        Assert.All(addresses, line => Assert.EndsWith($":{port}", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithNoSettingInletListensOnLocalhost5080()
    {
        using var inlet = InletProcess.Launch(_folder, new Uri(HostingSetup.DefaultUrl), []);

        // Whether it gets the port or finds it taken (by another Inlet, say), the address it tried is the default: the test
        // reads it from the log and never talks to whatever answers on 5080.
        var line = await inlet.UntilPrintedAsync(line => line.Contains(ListeningOn, StringComparison.Ordinal)
            || line.Contains("Failed to bind to address", StringComparison.Ordinal), "the address it listens on");

        Assert.True(line.Contains($"{ListeningOn}http://localhost:5080", StringComparison.Ordinal)
            || line.Contains(":5080: address already in use", StringComparison.Ordinal), line);
    }
}
