using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Inlet.Hosting;

/// <summary><c>Inlet:Store</c>: where Inlet keeps its data (spec §12).</summary>
internal sealed class StoreOptions
{
    public const string Section = "Inlet:Store";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    [AllowedValues(Sqlite, Postgres, ErrorMessage = "Inlet:Store:Provider must be sqlite (one node, the default) or postgres (one or more nodes)")]
    public string Provider { get; set; } = Sqlite;

    [Required(ErrorMessage = "Inlet:Store:ConnectionString is required")]
    public string ConnectionString { get; set; } = "Data Source=data/inlet.db";

    /// <summary>SQLite's Data Protection key ring; by default a <c>keys</c> folder beside the database file. On PostgreSQL it is in the database.</summary>
    public string? KeysFolder { get; set; }

    /// <summary>A connection string the provider cannot read stops the start, naming the option, before anything connects.</summary>
    internal sealed class Validation : IValidateOptions<StoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, StoreOptions options)
        {
            try
            {
                if (options.Provider == Postgres)
                {
                    if (new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString).Host is not { Length: > 0 })
                    {
                        return ValidateOptionsResult.Fail("Inlet:Store:ConnectionString must name the PostgreSQL server, e.g. Host=db;Database=inlet;Username=inlet;Password=…");
                    }
                }
                else if (options.Provider == Sqlite)
                {
                    _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString);
                }
            }
            catch (ArgumentException e)
            {
                return ValidateOptionsResult.Fail($"Inlet:Store:ConnectionString cannot be read as a {options.Provider} connection string: {e.Message}");
            }
            return ValidateOptionsResult.Success;
        }
    }
}

/// <summary><c>Inlet:Bootstrap</c>: the account, API key and Backoffice administrator created on first start (spec §7).</summary>
internal sealed class BootstrapOptions
{
    public const string Section = "Inlet:Bootstrap";

    [RegularExpression("^[a-z0-9][a-z0-9-]{0,62}$", ErrorMessage = "Inlet:Bootstrap:AccountId must be a slug such as demo or acme-eu")]
    public string AccountId { get; set; } = "demo";

    public string AccountName { get; set; } = "Demo";

    /// <summary>Generated and printed once when not configured.</summary>
    [MinLength(16, ErrorMessage = "Inlet:Bootstrap:ApiKey must be at least 16 characters")]
    public string? ApiKey { get; set; }

    public string AdminUser { get; set; } = "admin";

    /// <summary>Generated and printed once when not configured.</summary>
    [MinLength(8, ErrorMessage = "Inlet:Bootstrap:AdminPassword must be at least 8 characters")]
    public string? AdminPassword { get; set; }
}

/// <summary><c>Inlet:Ingestion</c>: limits of the webhook pipeline (spec §2, §8).</summary>
internal sealed class IngestionOptions
{
    public const string Section = "Inlet:Ingestion";

    [Range(1024, 64 * 1024 * 1024, ErrorMessage = "Inlet:Ingestion:MaxBodyBytes must be from {1} to {2} bytes")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    [Range(1, 10_000, ErrorMessage = "Inlet:Ingestion:RegexTimeoutMilliseconds must be from {1} to {2}")]
    public int RegexTimeoutMilliseconds { get; set; } = 50;

    /// <summary>What an inactive webhook tells senders to wait before retrying.</summary>
    [Range(1, 86_400, ErrorMessage = "Inlet:Ingestion:RetryAfterSeconds must be from {1} to {2}")]
    public int RetryAfterSeconds { get; set; } = 60;

    [Range(1, 365, ErrorMessage = "Inlet:Ingestion:IdempotencyDays must be from {1} to {2}")]
    public int IdempotencyDays { get; set; } = 7;

    /// <summary>How long one call of a webhook's transform may run (its maximum is the sandbox's: one second).</summary>
    [Range(1, 1000, ErrorMessage = "Inlet:Ingestion:TransformTimeoutMilliseconds must be from {1} to {2}")]
    public int TransformTimeoutMilliseconds { get; set; } = 50;

    [Range(64, 65_536, ErrorMessage = "Inlet:Ingestion:TransformMemoryKilobytes must be from {1} to {2}")]
    public int TransformMemoryKilobytes { get; set; } = 4096;

    [Range(1000, 10_000_000, ErrorMessage = "Inlet:Ingestion:TransformMaxStatements must be from {1} to {2}")]
    public int TransformMaxStatements { get; set; } = 100_000;

    [Range(8, 512, ErrorMessage = "Inlet:Ingestion:TransformMaxRecursion must be from {1} to {2}")]
    public int TransformMaxRecursion { get; set; } = 64;

    public Engine.Transforms.TransformLimits TransformLimits => new()
    {
        Timeout = TimeSpan.FromMilliseconds(TransformTimeoutMilliseconds), MemoryBytes = TransformMemoryKilobytes * 1024L,
        MaxStatements = TransformMaxStatements, MaxRecursion = TransformMaxRecursion,
    };
}

/// <summary><c>Inlet:Writer</c>: the node's one writer, which commits concurrent requests together (group commit).</summary>
internal sealed class WriterOptions
{
    public const string Section = "Inlet:Writer";

    /// <summary>Requests waiting for the writer; one more answers 503 unavailable with Retry-After, so memory stays bounded.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Inlet:Writer:QueueCapacity must be from {1} to {2}")]
    public int QueueCapacity { get; set; } = 4096;

    /// <summary>The most requests one transaction commits together.</summary>
    [Range(1, 10_000, ErrorMessage = "Inlet:Writer:BatchSize must be from {1} to {2}")]
    public int BatchSize { get; set; } = 512;

    /// <summary>
    /// On PostgreSQL, how many batches a node writes at once, each on a connection of its own (their commits' WAL flushes
    /// overlap). SQLite takes one writer at a time, whatever this says.
    /// </summary>
    [Range(1, 64, ErrorMessage = "Inlet:Writer:Connections must be from {1} to {2}")]
    public int Connections { get; set; } = 2;
}
