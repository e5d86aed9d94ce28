using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Inlet.Tests.Writer;

/// <summary>
/// Inlet in a process of its own (the Inlet.dll built beside the tests), on a free loopback port and a data folder that
/// outlives it, so a test can kill it outright and start it again on the same store.
/// </summary>
internal sealed class InletProcess : IDisposable
{
    private readonly Process _process;

    private InletProcess(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    public static async Task<InletProcess> StartAsync(string folder)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Inlet.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url.ToString());
        start.Environment["Inlet__Store__ConnectionString"] = $"Data Source={Path.Combine(folder, "inlet.db")}";
        start.Environment["Inlet__Bootstrap__ApiKey"] = InletApp.ApiKey;
        start.Environment["Inlet__Bootstrap__AdminPassword"] = InletApp.AdminPassword;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var inlet = new InletProcess(process, url);
        using var client = inlet.Client();
        await Batches.UntilAsync(() => Ready(client));
        return inlet;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InletApp.ApiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever the process was doing.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private static bool Ready(HttpClient client)
    {
        try
        {
            return client.GetAsync(new Uri("/health/ready", UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
