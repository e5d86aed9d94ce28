using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Inlet.Load;

/// <summary>
/// A program serving HTTP on a free loopback port, its output kept in <c>&lt;name&gt;.log</c> in its folder; killed by its own
/// PID, with its children (nginx's workers), also when it does not get ready, so no run leaves a server behind.
/// </summary>
internal sealed class Server : IDisposable
{
    private readonly Process _process;
    private readonly string _log;

    private Server(Process process, int port, string log) => (_process, Port, _log) = (process, port, log);

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>A published ASP.NET Core app, on a port of its own.</summary>
    public static Task<Server> StartAppAsync(string dll, string folder, string name, IReadOnlyDictionary<string, string> environment, CancellationToken stopping)
    {
        var port = FreePort();
        return StartAsync(name, folder, port, environment, "dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"], stopping);
    }

    /// <summary>Starts the program, which must listen on <paramref name="port"/>, and waits until its <c>/health/ready</c> answers 2xx.</summary>
    public static async Task<Server> StartAsync(string name, string folder, int port, IReadOnlyDictionary<string, string> environment,
        string program, IEnumerable<string> arguments, CancellationToken stopping)
    {
        var start = new ProcessStartInfo(program, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (variable, value) in environment)
        {
            start.Environment[variable] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {name}");
        var log = Path.Combine(folder, $"{name}.log");
        var output = new StreamWriter(log) { AutoFlush = true };
        process.OutputDataReceived += (_, line) => output.WriteLine(line.Data);
        process.ErrorDataReceived += (_, line) => output.WriteLine(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new Server(process, port, log);
        try
        {
            await server.WaitUntilReadyAsync(name, stopping);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    private async Task WaitUntilReadyAsync(string name, CancellationToken stopping)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                _process.WaitForExit(); // until its output is all in the log
                throw new InvalidOperationException($"{name} exited at start with code {_process.ExitCode}; its last output:{LastOutput()}");
            }
            try
            {
                if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative), stopping)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                // Listening, not answering yet.
            }
            await Task.Delay(100, stopping);
        }
        throw new TimeoutException($"{name} was not ready within 60 s; its last output:{LastOutput()}");
    }

    /// <summary>The end of the log, for the error: the folder that holds the log is deleted with the run.</summary>
    private string LastOutput() =>
        string.Concat(File.ReadLines(_log).TakeLast(20).Select(line => $"{Environment.NewLine}  {line}"));
}
