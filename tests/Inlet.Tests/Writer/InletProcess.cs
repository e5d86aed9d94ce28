using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Inlet.Tests.Writer;

/// <summary>
/// Inlet in a process of its own (the Inlet.dll built beside the tests) with a data folder that outlives it, so a test can
/// kill it outright and start it again on the same store, or read what it printed.
/// </summary>
internal sealed class InletProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private InletProcess(Process process, Uri url) => (_process, Url) = (process, url);

    public Uri Url { get; }

    /// <summary>Every line it printed so far, on standard output and error.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts Inlet on a free loopback port, logging warnings only, and waits until it is ready.</summary>
    public static async Task<InletProcess> StartAsync(string folder)
    {
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var inlet = Launch(folder, url, [("Logging__LogLevel__Default", "Warning")], "--urls", url.ToString());
        await inlet.UntilAnswersAsync("/health/ready");
        return inlet;
    }

    /// <summary>
    /// Starts Inlet as an operator runs a published one, and returns at once: it reads the appsettings.json beside its
    /// binaries, and only <paramref name="environment"/> and <paramref name="arguments"/> say where it listens (settings of
    /// the tests' own environment that would are left out). <paramref name="url"/> is where the test expects it.
    /// </summary>
    public static InletProcess Launch(string folder, Uri url, IEnumerable<(string Name, string Value)> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Inlet.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var name in start.Environment.Keys.Where(SaysWhereToListen).ToList())
        {
            start.Environment.Remove(name);
        }
        // The build output has no wwwroot (a publish copies it there), so the pages' files come from a folder of the test's.
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        start.Environment["ASPNETCORE_WEBROOT"] = Directory.CreateDirectory(Path.Combine(folder, "wwwroot")).FullName;
        start.Environment["Inlet__Store__ConnectionString"] = $"Data Source={Path.Combine(folder, "inlet.db")}";
        start.Environment["Inlet__Bootstrap__ApiKey"] = InletApp.ApiKey;
        start.Environment["Inlet__Bootstrap__AdminPassword"] = InletApp.AdminPassword;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start)!;
        var inlet = new InletProcess(process, url);
        process.OutputDataReceived += (_, line) => inlet.Record(line.Data);
        process.ErrorDataReceived += (_, line) => inlet.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return inlet;
    }

    /// <summary>Waits, at most thirty seconds, until <paramref name="path"/> answers 2xx.</summary>
    public async Task UntilAnswersAsync(string path)
    {
        using var client = Client();
        await UntilAsync(() => Answers(client, path), $"{path} to answer at {Url}");
    }

    /// <summary>Waits, at most thirty seconds, until Inlet prints a line that matches; returns it.</summary>
    public async Task<string> UntilPrintedAsync(Func<string, bool> match, string what)
    {
        await UntilAsync(() => _output.Any(match), what);
        return _output.First(match);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", InletApp.ApiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush, whatever the process was doing.</summary>
    /// <summary>Waits, at most thirty seconds, for the process to end by itself; its exit code.</summary>
    public async Task<int> ExitCodeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
        // The last lines of output arrive after the exit: WaitForExit() without a timeout waits for them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGTERM, as a process manager or a container runtime stops a service.</summary>
    public void Terminate() => Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool SaysWhereToListen(string name) =>
        name.EndsWith("URLS", StringComparison.OrdinalIgnoreCase) || name.EndsWith("_PORTS", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase);

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    /// <summary>Fails with what the process printed when it exits or the time runs out first: a test that cannot start says why.</summary>
    private async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"waited for {what}, but Inlet {(_process.HasExited ? "exited" : "did not within 30 s")}:\n{string.Join('\n', _output)}");
            }
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static bool Answers(HttpClient client, string path)
    {
        try
        {
            return client.GetAsync(new Uri(path, UriKind.Relative)).GetAwaiter().GetResult().IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
