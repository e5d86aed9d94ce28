using System.Data.Common;
using Inlet.Accounts;
using Inlet.Data;
using Inlet.Export;
using Inlet.Hosting;
using Inlet.Ingestion;
using Inlet.Logs;
using Inlet.Telemetry;
using Inlet.Writer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Console;

namespace Inlet.Admin;

/// <summary>Where a command reads and writes: standard input, output and error, or the tests' own.</summary>
internal sealed record AdminConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    public static AdminConsole Standard => new(Console.In, Console.Out, Console.Error);
}

/// <summary>
/// What every command shares: the console, and the store opened as the server opens it — the same host, configuration
/// (<c>appsettings.json</c>, environment variables) and services, without Kestrel and without starting anything.
/// </summary>
internal sealed class AdminContext(AdminConsole console, IEnumerable<KeyValuePair<string, string?>> settings)
{
    public TextReader In => console.In;
    public TextWriter Out => console.Out;

    /// <summary>
    /// Runs <paramref name="work"/> in a scope of the store's services. Wrong settings, a store that cannot be reached, and
    /// (unless <paramref name="migrating"/>) a store not migrated to this version fail with one line and exit code 1.
    /// </summary>
    public async Task<int> RunAsync(Func<IServiceProvider, Task<int>> work, CancellationToken cancellationToken, bool migrating = false)
    {
        await using var app = Build();
        if (HostingSetup.SettingsFault(app.Services) is { } fault)
        {
            return Fail($"Inlet cannot open its store: {fault}");
        }
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            if (!migrating && !await StoreMigrations.AreAppliedAsync(scope.ServiceProvider.GetRequiredService<InletDb>(), cancellationToken))
            {
                return Fail("The store is not migrated to this version of Inlet: run 'Inlet migrate' (or start Inlet once), then try again.");
            }
            return await work(scope.ServiceProvider);
        }
        catch (Exception e) when (StoreFailure(e) is { } failure)
        {
            return Fail($"The store cannot be used: {failure.Message}");
        }
    }

    /// <summary>Says what went wrong on standard error, in one line; the exit code of a failed command.</summary>
    public int Fail(string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }

    /// <summary>Shows a secret the command made: on a line of its own, once, with a reminder that it will not be shown again.</summary>
    public async Task PrintSecretAsync(string what, string secret)
    {
        await console.Out.WriteLineAsync($"{what}:");
        await console.Out.WriteLineAsync($"  {secret}");
        await console.Out.WriteLineAsync("Keep it now: it is stored hashed and will not be shown again.");
    }

    /// <summary>Whether the account exists; when it does not, says so, and how to create it.</summary>
    public async Task<bool> AccountExistsAsync(IServiceProvider services, string accountId, CancellationToken cancellationToken)
    {
        if (await services.GetRequiredService<InletDb>().Accounts.AnyAsync(a => a.Id == accountId, cancellationToken))
        {
            return true;
        }
        Fail($"There is no account '{accountId}': 'Inlet accounts create {accountId}' creates it.");
        return false;
    }

    /// <summary>The store's own failure behind an exception: the database's, or the file system's (a SQLite folder that cannot be made).</summary>
    private static Exception? StoreFailure(Exception e) => e switch
    {
        DbException or IOException or UnauthorizedAccessException => e,
        // Npgsql's execution strategy wraps a failure to connect in an InvalidOperationException.
        InvalidOperationException { InnerException: DbException inner } => inner,
        _ => null,
    };

    private WebApplication Build()
    {
        var builder = WebApplication.CreateBuilder(HostingSetup.Options([]));
        builder.Configuration.AddInMemoryCollection(settings);
        // Standard output is the commands' (an export's JSON): the log goes to standard error, warnings and errors only, and
        // not EF Core's, whose failures the command reports itself, in one line.
        builder.Logging.ClearProviders().AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning)
            .AddFilter<ConsoleLoggerProvider>("Microsoft.EntityFrameworkCore", LogLevel.None);
        builder.Services.AddInletStore(builder.Configuration);
        builder.Services.AddInletHosting();
        builder.Services.AddAccounts();
        builder.Services.AddWriter();
        builder.Services.AddIngestion();
        builder.Services.AddLogs();
        builder.Services.AddExport();
        builder.Services.AddTelemetry(builder.Configuration);
        return builder.Build();
    }
}
