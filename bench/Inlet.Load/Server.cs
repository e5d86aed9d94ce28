using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inlet.Load;

/// <summary>A published app started on a free loopback port, its output kept in a file of its folder; killed by its own PID.</summary>
internal sealed class Server : IDisposable
{
    private readonly Process _process;

    private Server(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static async Task<Server> StartAsync(string dll, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {dll}");
        var output = new StreamWriter(Path.Combine(folder, "output.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => output.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, port);
        await server.WaitUntilReadyAsync(dll);
        return server;
    }

    /// <summary>The most memory the process has held so far (VmHWM), in MiB.</summary>
    public double PeakRssMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string dll)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{dll} exited at start with code {_process.ExitCode}");
            }
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, not answering yet.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"{dll} was not ready within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
