using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Inlet.Tests;

/// <summary>
/// Inlet as a user runs it: the real host, on a real SQLite file of its own (deleted afterwards), with a known API key
/// for the bootstrap account <c>demo</c>. Tests talk to it through HTTP only.
/// </summary>
public class InletApp : WebApplicationFactory<Program>
{
    public const string ApiKey = "inlet_test-key-for-the-demo-account";
    public const string AdminPassword = "test-password-123";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inlet-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "inlet.db");

    /// <summary>Extra connection string settings, for tests that need a store that gives up sooner.</summary>
    protected virtual string ConnectionOptions => "";

    /// <summary>Settings of this Inlet beyond the defaults, as a user would put them in its configuration.</summary>
    protected virtual IEnumerable<(string Key, string Value)> Settings => [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Inlet:Store:ConnectionString", $"Data Source={DatabasePath};{ConnectionOptions}");
        builder.UseSetting("Inlet:Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("Inlet:Bootstrap:AdminPassword", AdminPassword);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client of the REST API, authenticated with the demo account's key (or another one).</summary>
    public HttpClient Api(string apiKey = ApiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>A client for webhook senders: no credentials.</summary>
    public HttpClient Sender() => CreateClient();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
