using System.Data.Common;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inlet.Tests;

/// <summary>
/// Inlet as a user runs it: the real host, on a store of its own — a real SQLite file, or a real PostgreSQL database when
/// the suite runs on PostgreSQL (see <see cref="TestStore"/>), deleted afterwards — with a known API key for the bootstrap
/// account <c>demo</c>. Tests talk to it through HTTP only.
/// </summary>
public class InletApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "inlet_test-key-for-the-demo-account";
    public const string AdminPassword = "test-password-123";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inlet-tests", Guid.NewGuid().ToString("N"));

    private string? _postgres;

    /// <summary>The SQLite file, for the tests of what is particular to SQLite (they run in the SQLite pass only).</summary>
    public string DatabasePath => OnPostgres ? throw new InvalidOperationException("this Inlet runs on PostgreSQL") : Path.Combine(_folder, "inlet.db");

    /// <summary>Whether this Inlet runs on PostgreSQL: in the PostgreSQL pass, and always for a test of what is particular to it.</summary>
    protected virtual bool OnPostgres => TestStore.OnPostgres;

    /// <summary>Extra connection string settings, for tests that need a store that gives up sooner.</summary>
    protected virtual string ConnectionOptions => "";

    /// <summary>Settings of this Inlet beyond the defaults, as a user would put them in its configuration.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (OnPostgres)
        {
            _postgres ??= TestStore.CreatePostgresDatabase();
            builder.UseSetting("Inlet:Store:Provider", "postgres");
            builder.UseSetting("Inlet:Store:ConnectionString", _postgres);
        }
        else
        {
            builder.UseSetting("Inlet:Store:ConnectionString", $"Data Source={DatabasePath};{ConnectionOptions}");
        }
        builder.UseSetting("Inlet:Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("Inlet:Bootstrap:AdminPassword", AdminPassword);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>This Inlet's store as the settings that name it, for the admin command line to open it as the server does.</summary>
    public Dictionary<string, string?> StoreSettings
    {
        get
        {
            // The store is there once the host has started.
            _ = Services;
            return _postgres is null
                ? new() { ["Inlet:Store:ConnectionString"] = $"Data Source={DatabasePath};{ConnectionOptions}" }
                : new() { ["Inlet:Store:Provider"] = "postgres", ["Inlet:Store:ConnectionString"] = _postgres };
        }
    }

    /// <summary>A client of the REST API, authenticated with the demo account's key (or another one).</summary>
    public HttpClient Api(string apiKey = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>
    /// Runs SQL on this Inlet's store directly, as an operator at a database console would (quoted identifiers and @name
    /// parameters read the same on both stores), and returns the rows it selected.
    /// </summary>
    public async Task<List<object?[]>> SqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using DbConnection connection = _postgres is null
            ? new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath};Pooling=False")
            : new Npgsql.NpgsqlConnection(_postgres);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            reader.GetValues(row!);
            rows.Add([.. row.Select(value => value is DBNull ? null : value)]);
        }
        return rows;
    }

    /// <summary>A client for webhook senders: no credentials.</summary>
    public HttpClient Sender() => CreateClient();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            TestStore.DropPostgresDatabase(_postgres);
        }
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
