using Npgsql;

namespace Inlet.Tests;

/// <summary>
/// The store the suite runs on: SQLite files by default; PostgreSQL when <c>INLET_TEST_STORE=postgres</c>, on the server that
/// <c>INLET_TEST_POSTGRES</c> names (a connection string whose role may create databases). <c>./test.sh</c> runs the suite in
/// both modes. Each Inlet under test gets a database of its own, dropped afterwards.
/// </summary>
public static class TestStore
{
    /// <summary>The connection string of the PostgreSQL server for tests, or null when none is configured.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("INLET_TEST_POSTGRES") is { Length: > 0 } server ? server : null;

    public static bool OnPostgres => Environment.GetEnvironmentVariable("INLET_TEST_STORE") == "postgres";

    /// <summary>Skips a PostgreSQL-only test when no server is configured (CI always configures one, and counts a skip as a failure).</summary>
    public static string RequirePostgres() =>
        PostgresServer ?? throw Xunit.Sdk.SkipException.ForSkip("set INLET_TEST_POSTGRES to a PostgreSQL connection string (./test.sh does) to run this test");

    /// <summary>A fresh, empty PostgreSQL database; its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var server = new NpgsqlConnectionStringBuilder(RequirePostgres());
        var name = $"inlet_test_{Guid.NewGuid():N}";
        Administer(server, $"CREATE DATABASE {name}");
        return new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = name }.ConnectionString;
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString);
        NpgsqlConnection.ClearAllPools();
        Administer(database, $"DROP DATABASE IF EXISTS {database.Database} WITH (FORCE)");
    }

    private static void Administer(NpgsqlConnectionStringBuilder server, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
